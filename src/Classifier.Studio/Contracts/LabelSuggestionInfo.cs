namespace Classifier.Studio.Contracts;

/// <summary>The model's or the rules' suggestion, per head in the schema's order (null where it suggests nothing).</summary>
public sealed record LabelSuggestionInfo(string Source, IReadOnlyList<string?> Labels, IReadOnlyList<double> Confidences, string Detail);
