namespace Classifier.Engine.Pipeline;

/// <summary>
/// One text's predictions (one per head) and, when explanations were asked for, the n-grams behind each head's label
/// (empty for a head that cannot explain); null when they were not.
/// </summary>
public sealed record ExplainedPrediction(HeadPrediction[] Predictions, IReadOnlyList<TermContribution>[]? Explanations);
