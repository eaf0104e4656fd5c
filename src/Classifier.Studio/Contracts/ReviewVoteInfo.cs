namespace Classifier.Studio.Contracts;

/// <summary>One annotator's answer: one value per head ("" where none) and their note.</summary>
public sealed record ReviewVoteInfo(string Annotator, IReadOnlyList<string> Labels, string Note);
