namespace Classifier.Text.Ingestion;

/// <summary>One article as read from disk: its id (file stem or CSV id column), where it came from, and its full text.</summary>
public sealed record Article(string Id, string Source, string Text);
