namespace Classifier.Scoring;

/// <summary>What a caller asks of a scoring: how many labels to list per head and whether to explain each decision.</summary>
/// <param name="TopK">Labels listed per head, most probable first (at least 1).</param>
/// <param name="Explain">Whether to list the n-grams behind each head's label.</param>
/// <param name="ExplainTerms">How many n-grams per head when explaining.</param>
public sealed record ScoringOptions(int TopK = 1, bool Explain = false, int ExplainTerms = 5)
{
    public static ScoringOptions Default { get; } = new();
}
