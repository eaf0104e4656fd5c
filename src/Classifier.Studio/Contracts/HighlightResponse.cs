using Classifier.Studio.Highlighting;

namespace Classifier.Studio.Contracts;

/// <summary>For each paragraph of the request, in order, where its terms occur.</summary>
public sealed record HighlightResponse(IReadOnlyList<IReadOnlyList<HighlightSpan>> Paragraphs);
