namespace Classifier.Api.Contracts;

/// <summary>One head (label column) of the model: its labels in probability order, and how it was trained.</summary>
public sealed record HeadDescription(string Name, IReadOnlyList<string> Labels, string Trainer, IReadOnlyDictionary<string, string> Hyperparameters)
{
    /// <summary>The background label when the head scores each sentence of a paragraph (sentence pooling); null when it scores the paragraph whole.</summary>
    public string? SentencePooling { get; init; }
}
