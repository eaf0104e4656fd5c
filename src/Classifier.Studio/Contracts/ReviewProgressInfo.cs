namespace Classifier.Studio.Contracts;

/// <summary>How far the review is: paragraphs under review, how many have an adjudicated answer, how many are left.</summary>
public sealed record ReviewProgressInfo(int Disagreements, int Adjudicated, int Remaining);
