using Classifier.Text.Labelling;

namespace Classifier.Labelling;

/// <summary>One paragraph as the annotator sees it: its text in its article, the suggestions and its current answer.</summary>
/// <param name="Id">Paragraph id.</param>
/// <param name="Article">Article id (may be empty).</param>
/// <param name="Text">The paragraph.</param>
/// <param name="Previous">The paragraph before it in its article, or null.</param>
/// <param name="Next">The paragraph after it in its article, or null.</param>
/// <param name="Suggestions">The model's and the rules' suggestions.</param>
/// <param name="Answer">Its current answer, or null.</param>
public sealed record ParagraphView(string Id, string Article, string Text, string? Previous, string? Next, ParagraphSuggestions Suggestions, LabelRecord? Answer);
