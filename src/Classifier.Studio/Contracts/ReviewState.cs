namespace Classifier.Studio.Contracts;

/// <summary>What the Review page shows: the schema, the annotators, every disagreement (adjudicated or not), pairwise agreement and progress.</summary>
/// <param name="Measure">How agreement is measured, in words (pairwise Cohen's kappa).</param>
public sealed record ReviewState(IReadOnlyList<LabelHeadInfo> Heads, IReadOnlyList<string> Annotators, IReadOnlyList<ReviewItemInfo> Items,
    IReadOnlyList<ReviewPairInfo> Agreement, string Measure, ReviewProgressInfo Progress, string AdjudicatedFile, IReadOnlyList<string> Notices, string? Message);
