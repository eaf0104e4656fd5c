namespace Classifier.Studio.Contracts;

/// <summary>A paragraph the annotators disagree on: their answers, the heads they differ on, the value they agree on per other head, and the adjudicated answer when there is one.</summary>
public sealed record ReviewItemInfo(string Id, string Article, string Text, IReadOnlyList<ReviewVoteInfo> Votes, IReadOnlyList<bool> Disagrees,
    IReadOnlyList<string?> Agreed, IReadOnlyList<string>? Adjudicated, string? AdjudicatedNote);
