namespace Classifier.Studio.Contracts;

/// <summary>Agreement on one head over the ids both annotators labelled; kappa and agreement are null when there are none.</summary>
public sealed record ReviewHeadAgreementInfo(string Head, int Count, double? PercentAgreement, double? Kappa);
