using Classifier.Text.Labelling;

namespace Classifier.Engine.Featurization;

/// <summary>
/// The labelling rules of a rule file as features: one per rule (1 when it fires) and one per head-label vote (the
/// number of rules voting for it). The rules encode the codebook's cues (loaded names, attributions), which n-grams
/// learn only from many examples.
/// </summary>
public sealed class RuleFeatures
{
    private readonly RuleSet _rules;
    private readonly int[] _voteOf;

    public RuleFeatures(string json)
    {
        _rules = RuleSet.Parse(json, "the model's rule features", compiled: true);
        _voteOf = VotesOf(_rules, out var votes);
        Names = [.. _rules.Rules.Select(r => "rule:" + r.Name), .. votes.Select(v => "vote:" + v)];
    }

    /// <summary>The block's size for a rule file, without compiling its patterns (a model file's size check).</summary>
    public static int CountIn(string json)
    {
        var rules = RuleSet.Parse(json, "the model's rule features");
        VotesOf(rules, out var votes);
        return rules.Rules.Count + votes.Count;
    }

    private static int[] VotesOf(RuleSet rules, out List<string> votes)
    {
        votes = [];
        var voteOf = new int[rules.Rules.Count];
        for (int r = 0; r < rules.Rules.Count; r++)
        {
            var vote = $"{rules.Rules[r].Head}={rules.Rules[r].Label}";
            int v = votes.IndexOf(vote);
            if (v < 0) { v = votes.Count; votes.Add(vote); }
            voteOf[r] = v;
        }
        return voteOf;
    }

    /// <summary>Feature names in block order: the rules, then the votes.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>
    /// The block's values for <paramref name="text"/> (indices relative to the block, ascending). A rule whose pattern
    /// times out counts as not firing (the others still run): a prediction must not fail on one pathological text.
    /// </summary>
    public (int[] Indices, float[] Values) Compute(string text)
    {
        var fired = _rules.Fire(text, "", timeoutsAbstain: true);
        var values = new float[Count];
        int rules = _rules.Rules.Count;
        for (int r = 0; r < rules; r++)
            if (fired[r]) { values[r] = 1f; values[rules + _voteOf[r]] += 1f; }
        int n = 0;
        foreach (var v in values) if (v != 0f) n++;
        var indices = new int[n];
        var kept = new float[n];
        for (int i = 0, j = 0; i < values.Length; i++)
            if (values[i] != 0f) { indices[j] = i; kept[j++] = values[i]; }
        return (indices, kept);
    }
}
