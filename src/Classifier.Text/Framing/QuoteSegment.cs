namespace Classifier.Text.Framing;

/// <summary>A run of text in one voice: inside quotation marks (<paramref name="Quoted"/>) or the narrator's.</summary>
public sealed record QuoteSegment(string Text, bool Quoted);
