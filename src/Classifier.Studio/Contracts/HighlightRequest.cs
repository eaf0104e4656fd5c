namespace Classifier.Studio.Contracts;

/// <summary>The body of <c>POST /studio/v1/highlights</c>: paragraphs with the explanation terms to find in each.</summary>
public sealed record HighlightRequest(IReadOnlyList<HighlightParagraph>? Paragraphs);
