namespace Classifier.Api.Contracts;

/// <summary>
/// One head (label column) of the model: its labels in probability order, how it was trained, and the background
/// label when it scores each sentence of a paragraph (sentence pooling; null when it scores the paragraph whole).
/// </summary>
public sealed record HeadDescription(string Name, IReadOnlyList<string> Labels, string Trainer, IReadOnlyDictionary<string, string> Hyperparameters, string? SentencePooling);
