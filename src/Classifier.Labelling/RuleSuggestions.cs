using Classifier.Text.Labelling;

namespace Classifier.Labelling;

/// <summary>The rules' suggestions for every paragraph, computed once when a session starts.</summary>
public static class RuleSuggestions
{
    /// <summary>Per paragraph, the rules' combined label for each schema head they vote on (null where no rule fired).</summary>
    public static Suggestion?[] For(RuleSet ruleSet, ParagraphRows paragraphs, LabellingSchema schema)
    {
        var weak = WeakLabeller.Run(ruleSet, paragraphs.Ids, paragraphs.Texts);
        var heads = schema.Heads.Select(h => weak.Head(h.Name)).ToArray();
        var suggestions = new Suggestion?[paragraphs.Count];
        for (int i = 0; i < paragraphs.Count; i++)
        {
            if (weak.Fired[i].Length == 0) continue;
            // A rule's label outside the schema's values (a schema that reuses a head name) suggests nothing.
            var labels = heads.Select((w, h) => w?.LabelOf(i) is { } label ? schema.Heads[h].Find(label) : null).ToArray();
            var confidences = heads.Select((w, h) => labels[h] is null ? 0 : w!.Model.Confidences[i]).ToArray();
            suggestions[i] = new Suggestion("rules", labels, confidences, string.Join(", ", weak.Fired[i]));
        }
        return suggestions;
    }
}
