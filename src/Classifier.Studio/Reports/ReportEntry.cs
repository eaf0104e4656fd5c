namespace Classifier.Studio.Reports;

/// <summary>One report found at start: the name requests use, what the list shows, and the file behind it.</summary>
/// <param name="Name">Letters, digits and dashes only, so it never reads as a path; the only key a request can give.</param>
/// <param name="Title">The report's folder relative to --reports (what `trainer train --report` was given).</param>
/// <param name="Modified">When the report was written, for the list.</param>
/// <param name="File">The report.html, never sent to clients.</param>
public sealed record ReportEntry(string Name, string Title, DateTimeOffset Modified, string File);
