namespace Classifier.Labelling;

/// <summary>One annotator's answer to a paragraph under review.</summary>
/// <param name="Annotator">The annotator's name (their file's name).</param>
/// <param name="Labels">One value per head of the schema, "" where they gave none.</param>
/// <param name="Note">Their note, "" when the file has none.</param>
public sealed record ReviewVote(string Annotator, IReadOnlyList<string> Labels, string Note);
