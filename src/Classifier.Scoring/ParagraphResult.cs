using Classifier.Engine.Pipeline;

namespace Classifier.Scoring;

/// <summary>One paragraph's predictions, with the n-grams behind each head's decision when --explain is on.</summary>
public sealed record ParagraphResult(string Id, int Index, string Text, HeadPrediction[] Predictions, IReadOnlyList<TermContribution>[]? Explanations);
