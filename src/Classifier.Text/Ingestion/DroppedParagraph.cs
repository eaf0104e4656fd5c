namespace Classifier.Text.Ingestion;

/// <summary>A line that was not kept, with the rule that dropped it.</summary>
public sealed record DroppedParagraph(string Article, int Line, string Text, string Reason, string Rule);
