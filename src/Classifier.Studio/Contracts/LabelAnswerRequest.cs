namespace Classifier.Studio.Contracts;

/// <summary>An answer or a change: the paragraph id, one label per head by head name, and an optional note.</summary>
public sealed record LabelAnswerRequest(string? Id, IReadOnlyDictionary<string, string?>? Labels, string? Note);
