using Classifier.Text.IO;

namespace Classifier.Trainer.Reports;

/// <summary>Writes report.md, report.html and metrics.json into a directory, each atomically.</summary>
public static class ReportWriter
{
    public static void Write(string directory, EvaluationReport report)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, "report.md"), MarkdownReport.Render(report));
        AtomicFile.WriteAllText(Path.Combine(directory, "report.html"), HtmlReport.Render(report));
        AtomicFile.Write(Path.Combine(directory, "metrics.json"), stream => MetricsJson.Write(stream, report));
    }
}
