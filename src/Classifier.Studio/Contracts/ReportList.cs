namespace Classifier.Studio.Contracts;

/// <summary><c>GET /studio/v1/reports</c>: whether --reports was given (the page says how to make reports when not) and what was found.</summary>
public sealed record ReportList(bool Configured, IReadOnlyList<ReportSummary> Reports);
