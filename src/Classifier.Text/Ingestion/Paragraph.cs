namespace Classifier.Text.Ingestion;

/// <summary>A kept paragraph. <paramref name="Id"/> is "&lt;article&gt;:&lt;n&gt;", n the 1-based index among kept paragraphs.</summary>
/// <param name="Id">Stable id: article id, a colon, and <paramref name="Index"/>.</param>
/// <param name="Article">The article id.</param>
/// <param name="Index">1-based position among the article's kept paragraphs.</param>
/// <param name="Text">The display text, original characters kept.</param>
/// <param name="Line">1-based line in the source where the paragraph starts.</param>
public sealed record Paragraph(string Id, string Article, int Index, string Text, int Line);
