namespace Classifier.Engine.Pipeline;

/// <summary>
/// An article's scores: per head, the mean probability of each label over its paragraphs (the distribution) and the
/// labels ordered by it; for a stance head with pro-serbia/pro-kosovo, the slant in [−1, 1].
/// </summary>
public sealed record ArticleSummary(
    string Article,
    int Paragraphs,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Distribution,
    IReadOnlyDictionary<string, IReadOnlyList<string>> MainLabels,
    double? Slant);
