using System.Globalization;
using System.Text;

namespace Classifier.LoadTest;

/// <summary>What one scenario measured. Errors are counted by kind: an HTTP status, a timeout, a connection fault.</summary>
public sealed record LoadReport(
    string Scenario,
    int Clients,
    double MeasuredSeconds,
    double WarmupSeconds,
    long Requests,
    long Paragraphs,
    LatencySummary Latency,
    IReadOnlyDictionary<string, long> Errors,
    long WarmupRequests,
    IReadOnlyDictionary<string, long> WarmupErrors)
{
    public double RequestsPerSecond => MeasuredSeconds > 0 ? Requests / MeasuredSeconds : 0;
    public double ParagraphsPerSecond => MeasuredSeconds > 0 ? Paragraphs / MeasuredSeconds : 0;
    public long ErrorCount => Errors.Values.Sum();
    public long WarmupErrorCount => WarmupErrors.Values.Sum();

    public const string MarkdownHeader =
        "| request | clients | measured s | requests | requests/s | paragraphs/s | p50 ms | p90 ms | p99 ms | max ms | errors |\n" +
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|";

    public string ToText(Uri target)
    {
        var text = new StringBuilder();
        text.AppendLine(Inv($"loadtest: {Scenario}, {Clients} clients, {MeasuredSeconds:F1} s measured after {WarmupSeconds:F0} s warm-up, {target}"));
        text.AppendLine(Inv($"  requests    {Requests:N0} ({RequestsPerSecond:F1}/s, {ParagraphsPerSecond:F0} paragraphs/s)"));
        text.AppendLine(Inv($"  latency ms  mean {Latency.Mean:F1}  p50 {Latency.P50:F1}  p90 {Latency.P90:F1}  p99 {Latency.P99:F1}  max {Latency.Max:F1}"));
        text.AppendLine($"  errors      {Describe(Errors)}");
        text.Append(Inv($"  warm-up     {WarmupRequests:N0} requests, errors {Describe(WarmupErrors)}"));
        return text.ToString();
    }

    public string ToMarkdownRow()
    {
        // Warm-up errors are failures too: they go in the errors cell, marked, rather than vanish with the warm-up's timings.
        string errors = Describe(Errors);
        if (WarmupErrorCount > 0) errors += $" (warm-up: {Describe(WarmupErrors)})";
        return Inv($"| {Scenario} | {Clients} | {MeasuredSeconds:F1} | {Requests:N0} | {RequestsPerSecond:F1} | {ParagraphsPerSecond:N0} | ") +
            Inv($"{Latency.P50:F1} | {Latency.P90:F1} | {Latency.P99:F1} | {Latency.Max:F1} | {errors} |");
    }

    private static string Describe(IReadOnlyDictionary<string, long> errors) =>
        errors.Count == 0 ? "0" : string.Join(", ", errors.OrderByDescending(e => e.Value).Select(e => Inv($"{e.Key} ×{e.Value}")));

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
