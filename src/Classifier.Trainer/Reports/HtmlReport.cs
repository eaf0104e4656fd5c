using System.Globalization;
using System.Net;
using System.Text;

namespace Classifier.Trainer.Reports;

/// <summary>report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched from the network).</summary>
public static class HtmlReport
{
    public static string Render(EvaluationReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Esc(report.Title)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
            .Append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
            .Append("th{background:#f3f3f3}td.t{text-align:left;max-width:600px}.charts{display:flex;gap:2em;flex-wrap:wrap;align-items:flex-start}")
            .Append("h2{border-bottom:1px solid #ddd;padding-bottom:.2em}.muted{color:#666}</style></head><body>");
        html.Append("<h1>").Append(Esc(report.Title)).Append("</h1>");
        html.Append(Inv($"<p class=\"muted\">Data: <code>{Esc(report.Data)}</code> · Model: <code>{Esc(report.Model)}</code> · {report.CreatedUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC</p>"));
        foreach (var h in report.Heads)
        {
            var m = h.Metrics;
            html.Append(Inv($"<h2>{Esc(h.Head)} <span class=\"muted\">({m.Count} rows)</span></h2>"));
            html.Append("<table><tr><th>macro-F1</th>");
            if (h.FAverage is not null) html.Append("<th>F<sub>avg</sub></th>");
            html.Append(Inv($"<th>micro-accuracy</th><th>macro-accuracy</th><th>kappa</th><th>log-loss</th><th>log-loss reduction</th><th>top-{m.TopK} accuracy</th></tr><tr>"));
            html.Append(Cell(m.MacroF1));
            if (h.FAverage is { } f) html.Append(Cell(f));
            html.Append(Cell(m.MicroAccuracy)).Append(Cell(m.MacroAccuracy)).Append(Cell(m.Kappa)).Append(Cell(m.LogLoss))
                .Append(Cell(m.LogLossReduction)).Append(Cell(m.TopKAccuracy)).Append("</tr></table>");
            var ci = h.Intervals;
            html.Append(Inv($"<p class=\"muted\">95% bootstrap intervals over the {m.Count} rows ({ci.MacroF1.Resamples} resamples): macro-F1 {ci.MacroF1.Low:0.000}–{ci.MacroF1.High:0.000}, micro-accuracy {ci.Accuracy.Low:0.000}–{ci.Accuracy.High:0.000}, kappa {ci.Kappa.Low:0.000}–{ci.Kappa.High:0.000}. Macro precision {m.MacroPrecision:0.000}, macro recall {m.MacroRecall:0.000}, weighted F1 {m.WeightedF1:0.000}.</p>"));
            if (h.Baseline is { } b)
                html.Append(Inv($"<p class=\"muted\">Majority-class baseline on the same rows: macro-F1 {b.MacroF1:0.000}, micro-accuracy {b.MicroAccuracy:0.000}</p>"));
            html.Append("<table><tr><th>label</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>");
            foreach (var c in m.PerClass)
                html.Append(Inv($"<tr><td class=\"t\">{Esc(c.Label)}</td>")).Append(Cell(c.Precision)).Append(Cell(c.Recall)).Append(Cell(c.F1))
                    .Append(Inv($"<td>{c.Support}</td></tr>"));
            html.Append("</table><div class=\"charts\"><figure>").Append(SvgCharts.ConfusionHeatmap(h.Labels, m.Confusion))
                .Append("<figcaption>Confusion matrix</figcaption></figure><figure>").Append(SvgCharts.ReliabilityDiagram(h.Reliability))
                .Append("<figcaption>Reliability diagram</figcaption></figure></div>");
            if (h.Mistakes.Count > 0)
            {
                html.Append("<h3>Most confident mistakes</h3><table><tr><th>id</th><th>actual</th><th>predicted</th><th>confidence</th><th>text</th></tr>");
                foreach (var x in h.Mistakes)
                    html.Append(Inv($"<tr><td class=\"t\">{Esc(x.Id)}</td><td class=\"t\">{Esc(x.Actual)}</td><td class=\"t\">{Esc(x.Predicted)}</td>"))
                        .Append(Cell(x.Confidence)).Append(Inv($"<td class=\"t\">{Esc(x.Text)}</td></tr>"));
                html.Append("</table>");
            }
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string Cell(double v) => double.IsFinite(v) ? Inv($"<td>{v:0.000}</td>") : "<td>n/a</td>";

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
