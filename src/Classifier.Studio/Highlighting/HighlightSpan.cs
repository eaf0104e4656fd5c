namespace Classifier.Studio.Highlighting;

/// <summary>Where an explanation term occurs in a paragraph's own text, in UTF-16 code units (as JavaScript strings count).</summary>
/// <param name="Start">First character.</param>
/// <param name="End">One past the last character.</param>
/// <param name="Term">The term as the explanation names it (normalised: lower case, diacritics folded).</param>
public sealed record HighlightSpan(int Start, int End, string Term);
