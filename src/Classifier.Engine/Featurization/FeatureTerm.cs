namespace Classifier.Engine.Featurization;

/// <summary>One n-gram of a text and the feature it lands in (for explanations).</summary>
public sealed record FeatureTerm(int Feature, string Text, TermKind Kind);
