namespace Classifier.Studio.Contracts;

/// <summary>A paragraph's text as the API returned it and the terms its explanations name.</summary>
public sealed record HighlightParagraph(string? Text, IReadOnlyList<string>? Terms);
