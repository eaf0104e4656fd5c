using System.Globalization;
using System.Net;
using System.Text;
using Classifier.Engine.Metrics;

namespace Classifier.Trainer.Reports;

/// <summary>
/// report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched from the network), written as
/// well-formed XML too so that tools and tests can read it back. Text cells have class t (left), number cells n (right).
/// </summary>
public static class HtmlReport
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}" +
        "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:4px 8px}" +
        ".t{text-align:left}.n{text-align:right;font-variant-numeric:tabular-nums}td.t{max-width:600px}" +
        "th{background:#f3f3f3}tr.avg td{border-top:2px solid #999}.charts{display:flex;gap:2em;flex-wrap:wrap;align-items:flex-start}" +
        "h2{border-bottom:1px solid #ddd;padding-bottom:.2em}.muted{color:#666}";

    public static string Render(EvaluationReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>").Append(Esc(report.Title))
            .Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>").Append(Esc(report.Title)).Append("</h1>");
        html.Append(Inv($"<p class=\"muted\">Data: <code>{Esc(report.Data)}</code> · Model: <code>{Esc(report.Model)}</code> · {report.CreatedUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC</p>"));
        foreach (var h in report.Heads) Head(html, h);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Head(StringBuilder html, HeadReport h)
    {
        var m = h.Metrics;
        html.Append(Inv($"<h2>{Esc(h.Head)} <span class=\"muted\">({m.Count} rows)</span></h2>"));
        Summary(html, h);
        PerClass(html, m);
        html.Append("<div class=\"charts\"><figure>").Append(SvgCharts.ConfusionHeatmap(h.Labels, m.Confusion))
            .Append("<figcaption>Confusion matrix</figcaption></figure><figure>").Append(SvgCharts.ReliabilityDiagram(h.Reliability))
            .Append("<figcaption>Reliability diagram (the number over a bar: rows in that bin)</figcaption></figure></div>");
        Mistakes(html, h.Mistakes);
    }

    private static void Summary(StringBuilder html, HeadReport h)
    {
        var m = h.Metrics;
        html.Append("<table><tr><th class=\"n\">macro-F1</th>");
        if (h.FAverage is not null) html.Append("<th class=\"n\">F<sub>avg</sub></th>");
        html.Append(Inv($"<th class=\"n\">micro-accuracy</th><th class=\"n\">macro-accuracy</th><th class=\"n\">kappa</th><th class=\"n\">log-loss</th><th class=\"n\">log-loss reduction</th><th class=\"n\">top-{m.TopK} accuracy</th></tr><tr>"));
        html.Append(Cell(m.MacroF1));
        if (h.FAverage is { } f) html.Append(Cell(f));
        html.Append(Cell(m.MicroAccuracy)).Append(Cell(m.MacroAccuracy)).Append(Cell(m.Kappa)).Append(Cell(m.LogLoss))
            .Append(Cell(m.LogLossReduction)).Append(Cell(m.TopKAccuracy)).Append("</tr></table>");
        var ci = h.Intervals;
        html.Append(Inv($"<p class=\"muted\">95% bootstrap intervals over the {m.Count} rows ({ci.MacroF1.Resamples} resamples): macro-F1 {ci.MacroF1.Low:0.000}–{ci.MacroF1.High:0.000}, micro-accuracy {ci.Accuracy.Low:0.000}–{ci.Accuracy.High:0.000}, kappa {ci.Kappa.Low:0.000}–{ci.Kappa.High:0.000}. Macro precision {m.MacroPrecision:0.000}, macro recall {m.MacroRecall:0.000}, weighted F1 {m.WeightedF1:0.000}.</p>"));
        if (h.Baseline is { } b)
            html.Append(Inv($"<p class=\"muted\">Majority-class baseline on the same rows: macro-F1 {b.MacroF1:0.000}, micro-accuracy {b.MicroAccuracy:0.000}</p>"));
    }

    private static void PerClass(StringBuilder html, MulticlassMetrics m)
    {
        html.Append("<table><tr><th class=\"t\">label</th><th class=\"n\">precision</th><th class=\"n\">recall</th><th class=\"n\">F1</th><th class=\"n\">support</th></tr>");
        foreach (var c in m.PerClass) ClassRow(html, "", c.Label, c.Precision, c.Recall, c.F1, c.Support);
        ClassRow(html, " class=\"avg\"", "macro avg", m.MacroPrecision, m.MacroRecall, m.MacroF1, m.Count);
        ClassRow(html, "", "weighted avg", m.WeightedPrecision, m.WeightedRecall, m.WeightedF1, m.Count);
        html.Append("</table>");
    }

    private static void ClassRow(StringBuilder html, string rowClass, string label, double precision, double recall, double f1, int support) =>
        html.Append(Inv($"<tr{rowClass}><td class=\"t\">{Esc(label)}</td>")).Append(Cell(precision)).Append(Cell(recall)).Append(Cell(f1))
            .Append(Inv($"<td class=\"n\">{support}</td></tr>"));

    private static void Mistakes(StringBuilder html, IReadOnlyList<Mistake> mistakes)
    {
        if (mistakes.Count == 0) return;
        html.Append("<h3>Most confident mistakes</h3><table><tr><th class=\"t\">id</th><th class=\"t\">actual</th><th class=\"t\">predicted</th><th class=\"n\">confidence</th><th class=\"t\">text</th></tr>");
        foreach (var x in mistakes)
            html.Append(Inv($"<tr><td class=\"t\">{Esc(x.Id)}</td><td class=\"t\">{Esc(x.Actual)}</td><td class=\"t\">{Esc(x.Predicted)}</td>"))
                .Append(Cell(x.Confidence)).Append(Inv($"<td class=\"t\">{Esc(x.Text)}</td></tr>"));
        html.Append("</table>");
    }

    private static string Cell(double v) => double.IsFinite(v) ? Inv($"<td class=\"n\">{v:0.000}</td>") : "<td class=\"n\">n/a</td>";

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
