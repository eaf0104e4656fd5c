using Classifier.Engine.Metrics;
using System.Globalization;
using System.Text;

namespace Classifier.Trainer.Reports;

/// <summary>report.md: the same figures as the HTML report, readable in a terminal or on a code-hosting site.</summary>
public static class MarkdownReport
{
    public static string Render(EvaluationReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {report.Title}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Data: `{report.Data}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Model: `{report.Model}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Created: {report.CreatedUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        foreach (var h in report.Heads)
        {
            var m = h.Metrics;
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {h.Head} ({m.Count} rows)");
            md.AppendLine();
            md.AppendLine("| metric | value |");
            md.AppendLine("|---|---:|");
            Row(md, "macro-F1", m.MacroF1);
            Interval(md, "macro-F1, 95% bootstrap interval", h.Intervals.MacroF1);
            Row(md, "macro precision", m.MacroPrecision);
            Row(md, "macro recall", m.MacroRecall);
            Row(md, "weighted F1", m.WeightedF1);
            if (h.Baseline is { } b) Row(md, "majority-class baseline macro-F1", b.MacroF1);
            if (h.FAverage is { } f) Row(md, "F_avg (pro-serbia, pro-kosovo)", f);
            if (h.BaselineFAverage is { } bf) Row(md, "majority-class baseline F_avg", bf);
            Row(md, "micro-accuracy", m.MicroAccuracy);
            Interval(md, "micro-accuracy, 95% bootstrap interval", h.Intervals.Accuracy);
            Row(md, "macro-accuracy", m.MacroAccuracy);
            Row(md, "Cohen's kappa", m.Kappa);
            Interval(md, "kappa, 95% bootstrap interval", h.Intervals.Kappa);
            Row(md, "log-loss", m.LogLoss);
            Row(md, "log-loss reduction", m.LogLossReduction);
            Row(md, $"top-{m.TopK} accuracy", m.TopKAccuracy);
            Row(md, "expected calibration error", h.Reliability.ExpectedCalibrationError);
            md.AppendLine();
            md.AppendLine("| label | precision | recall | F1 | support |");
            md.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var c in m.PerClass) ClassRow(md, c.Label, c.Precision, c.Recall, c.F1, c.Support);
            ClassRow(md, "macro avg", m.MacroPrecision, m.MacroRecall, m.MacroF1, m.Count);
            ClassRow(md, "weighted avg", m.WeightedPrecision, m.WeightedRecall, m.WeightedF1, m.Count);
            md.AppendLine();
            md.AppendLine("Confusion matrix (rows actual, columns predicted):");
            md.AppendLine();
            md.Append("| actual \\ predicted |");
            foreach (var l in h.Labels) md.Append(CultureInfo.InvariantCulture, $" {l} |");
            md.AppendLine();
            md.Append("|---|");
            foreach (var _ in h.Labels) md.Append("---:|");
            md.AppendLine();
            for (int a = 0; a < h.Labels.Count; a++)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {h.Labels[a]} |");
                for (int p = 0; p < h.Labels.Count; p++) md.Append(CultureInfo.InvariantCulture, $" {m.Confusion.Count(a, p):0.##} |");
                md.AppendLine();
            }
            if (h.Mistakes.Count > 0)
            {
                md.AppendLine();
                md.AppendLine("Most confident mistakes:");
                md.AppendLine();
                md.AppendLine("| id | actual | predicted | confidence | text |");
                md.AppendLine("|---|---|---|---:|---|");
                foreach (var x in h.Mistakes)
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {x.Id} | {x.Actual} | {x.Predicted} | {x.Confidence:0.00} | {Cell(x.Text)} |");
            }
        }
        return md.ToString();
    }

    private static void ClassRow(StringBuilder md, string label, double precision, double recall, double f1, int support) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {precision:0.000} | {recall:0.000} | {f1:0.000} | {support} |");

    private static void Interval(StringBuilder md, string name, BootstrapInterval interval) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {interval.Low:0.000} – {interval.High:0.000} ({interval.Resamples} resamples of the rows) |");

    private static void Row(StringBuilder md, string name, double value) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {(double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "n/a")} |");

    private static string Cell(string text)
    {
        var t = text.Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal);
        return t.Length > 160 ? t[..157] + "..." : t;
    }
}
