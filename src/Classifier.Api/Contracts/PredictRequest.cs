namespace Classifier.Api.Contracts;

/// <summary>
/// The body of <c>POST /v1/predict</c>: exactly one of <see cref="Text"/>, <see cref="Texts"/> or <see cref="Article"/>.
/// </summary>
/// <param name="Text">One paragraph, scored as given.</param>
/// <param name="Texts">Many paragraphs, each scored as given and on its own (none is another's article context).</param>
/// <param name="Article">A whole article, split into paragraphs by the ingestion rules (non-prose lines dropped).</param>
/// <param name="Id">The article id in the response (default "text", "article", or "texts[i]" for each of many).</param>
/// <param name="Explain">List the n-grams behind each head's label.</param>
/// <param name="TopK">Labels listed per head, most probable first (default 1).</param>
public sealed record PredictRequest(
    string? Text = null,
    IReadOnlyList<string?>? Texts = null,
    string? Article = null,
    string? Id = null,
    bool Explain = false,
    int? TopK = null);
