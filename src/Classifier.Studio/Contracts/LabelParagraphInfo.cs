namespace Classifier.Studio.Contracts;

/// <summary>A paragraph to label in its article, with its suggestions and its current answer (labels per head, or null).</summary>
public sealed record LabelParagraphInfo(string Id, string Article, string Text, string? Previous, string? Next,
    LabelSuggestionInfo? Model, LabelSuggestionInfo? Rules, IReadOnlyList<string?> Accept, IReadOnlyList<string>? Answer, string? Note);
