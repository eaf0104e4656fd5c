namespace Classifier.Text.Labelling;

/// <summary>One answer of an annotator, as appended to a labels file.</summary>
/// <param name="Id">Paragraph id.</param>
/// <param name="Article">Article id (may be empty).</param>
/// <param name="Text">Paragraph text.</param>
/// <param name="Labels">One label per head of the file's schema, in the schema's order.</param>
/// <param name="Annotator">Who answered.</param>
/// <param name="Note">Free text (may be empty).</param>
/// <param name="LabelledAt">When, in UTC.</param>
public sealed record LabelRecord(string Id, string Article, string Text, IReadOnlyList<string> Labels, string Annotator, string Note, DateTimeOffset LabelledAt);
