namespace Classifier.Text.Labelling;

/// <summary>One answer of an annotator, as appended to a labels file.</summary>
/// <param name="Id">Paragraph id.</param>
/// <param name="Article">Article id (may be empty).</param>
/// <param name="Text">Paragraph text.</param>
/// <param name="Stance">Stance label.</param>
/// <param name="Topic">Topic label.</param>
/// <param name="Annotator">Who answered.</param>
/// <param name="Note">Free text (may be empty).</param>
/// <param name="LabelledAt">When, in UTC.</param>
public sealed record LabelRecord(string Id, string Article, string Text, string Stance, string Topic, string Annotator, string Note, DateTimeOffset LabelledAt);
