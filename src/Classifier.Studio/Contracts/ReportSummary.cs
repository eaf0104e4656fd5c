namespace Classifier.Studio.Contracts;

/// <summary>A report in the list: its name (the only way to ask for it), title, time, and the address of its page.</summary>
public sealed record ReportSummary(string Name, string Title, DateTimeOffset Modified, string Url);
