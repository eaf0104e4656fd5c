namespace Classifier.Labelling;

/// <summary>Agreement of two annotators (by their index in the review) on every head, as <c>trainer agreement</c> computes it.</summary>
public sealed record ReviewPair(int First, int Second, IReadOnlyList<AgreementResult> Heads);
