namespace Classifier.Studio.Contracts;

/// <summary>Cohen's kappa and percent agreement of two annotators, per head (what <c>trainer agreement FIRST SECOND</c> prints).</summary>
public sealed record ReviewPairInfo(string First, string Second, IReadOnlyList<ReviewHeadAgreementInfo> Heads);
