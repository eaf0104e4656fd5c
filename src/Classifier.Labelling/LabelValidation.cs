using Classifier.Text.Labelling;
using Classifier.Text.Labels;

namespace Classifier.Labelling;

/// <summary>Answers checked against the schema before anything is written.</summary>
internal static class LabelValidation
{
    /// <summary>One label per head, each in the schema's spelling; else a rejection naming the head and its values.</summary>
    public static string[] Check(LabellingSchema schema, string id, IReadOnlyList<string?> labels)
    {
        if (labels.Count != schema.Heads.Count)
            throw new AnswerRejectedException(RejectionKind.MissingLabel, $"{id}: {labels.Count} label(s) given for {schema.Heads.Count} head(s) ({string.Join(", ", schema.HeadNames)})",
                "give one label per head, in the schema's order");
        var result = new string[labels.Count];
        for (int h = 0; h < labels.Count; h++)
        {
            var head = schema.Heads[h];
            var value = labels[h]?.Trim() ?? "";
            if (value.Length == 0)
                throw new AnswerRejectedException(RejectionKind.MissingLabel, $"{id}: no {head.Name} label given", $"the {head.Name} labels are: {string.Join(", ", head.Values)}");
            result[h] = head.Find(value) ?? throw Unknown(head, id, value);
        }
        return result;
    }

    private static AnswerRejectedException Unknown(SchemaHead head, string id, string value)
    {
        var near = LabelSchema.Suggest(value, [.. head.Values.Select(v => v.ToLowerInvariant())]);
        var known = $"the {head.Name} labels are: {string.Join(", ", head.Values)}";
        return new AnswerRejectedException(RejectionKind.UnknownLabel, $"{id}: unknown {head.Name} label '{value}'",
            near is null ? known : $"did you mean '{head.Find(near)}'? {known}");
    }
}
