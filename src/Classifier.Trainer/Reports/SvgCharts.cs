using System.Globalization;
using System.Net;
using System.Text;
using Classifier.Engine.Metrics;

namespace Classifier.Trainer.Reports;

/// <summary>Inline SVG charts for the HTML report: no scripts, no network, readable when printed.</summary>
public static class SvgCharts
{
    /// <summary>Confusion matrix heatmap, each row shaded by its share of the row (recall view), with counts written in the cells.</summary>
    public static string ConfusionHeatmap(IReadOnlyList<string> labels, ConfusionMatrix confusion)
    {
        const int cell = 64, left = 110, top = 100;
        int k = labels.Count;
        int width = left + k * cell + 10, height = top + k * cell + 30;
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"confusion matrix\" font-family=\"sans-serif\" font-size=\"12\">"));
        for (int p = 0; p < k; p++)
            svg.Append(Inv($"<text transform=\"translate({left + p * cell + cell / 2},{top - 8}) rotate(-40)\">{Esc(labels[p])}</text>"));
        for (int a = 0; a < k; a++)
        {
            double rowTotal = 0;
            for (int p = 0; p < k; p++) rowTotal += confusion.Count(a, p);
            svg.Append(Inv($"<text x=\"{left - 6}\" y=\"{top + a * cell + cell / 2 + 4}\" text-anchor=\"end\">{Esc(labels[a])}</text>"));
            for (int p = 0; p < k; p++)
            {
                double count = confusion.Count(a, p);
                double share = rowTotal > 0 ? count / rowTotal : 0;
                var fill = a == p ? Blend(share, (230, 242, 255), (8, 81, 156)) : Blend(share, (255, 245, 240), (165, 15, 21));
                string ink = share > 0.55 ? "#fff" : "#000";
                svg.Append(Inv($"<rect x=\"{left + p * cell}\" y=\"{top + a * cell}\" width=\"{cell - 2}\" height=\"{cell - 2}\" fill=\"{fill}\"><title>actual {Esc(labels[a])}, predicted {Esc(labels[p])}: {count:0.##} ({share:P0} of row)</title></rect>"));
                svg.Append(Inv($"<text x=\"{left + p * cell + cell / 2 - 1}\" y=\"{top + a * cell + cell / 2 + 4}\" text-anchor=\"middle\" fill=\"{ink}\">{count:0.##}</text>"));
            }
        }
        svg.Append(Inv($"<text x=\"{left}\" y=\"{height - 8}\">rows: actual, columns: predicted; shade = share of the row</text>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Reliability diagram: accuracy against mean confidence per confidence bin; the diagonal is perfect calibration.</summary>
    public static string ReliabilityDiagram(ReliabilityBins bins)
    {
        const int size = 240, pad = 40;
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size + 2 * pad}\" height=\"{size + 2 * pad}\" role=\"img\" aria-label=\"reliability diagram\" font-family=\"sans-serif\" font-size=\"11\">"));
        svg.Append(Inv($"<rect x=\"{pad}\" y=\"{pad}\" width=\"{size}\" height=\"{size}\" fill=\"#fafafa\" stroke=\"#999\"/>"));
        svg.Append(Inv($"<line x1=\"{pad}\" y1=\"{pad + size}\" x2=\"{pad + size}\" y2=\"{pad}\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>"));
        double binWidth = (double)size / bins.Bins.Count;
        for (int b = 0; b < bins.Bins.Count; b++)
        {
            var bin = bins.Bins[b];
            if (bin.Count == 0) continue;
            double h = bin.Accuracy * size;
            svg.Append(Inv($"<rect x=\"{pad + b * binWidth + 1:0.#}\" y=\"{pad + size - h:0.#}\" width=\"{binWidth - 2:0.#}\" height=\"{h:0.#}\" fill=\"#4292c6\"><title>confidence {bin.MeanConfidence:0.00}, accuracy {bin.Accuracy:0.00}, {bin.Count} rows</title></rect>"));
            double cx = pad + bin.MeanConfidence * size, cy = pad + size - bin.Accuracy * size;
            svg.Append(Inv($"<circle cx=\"{cx:0.#}\" cy=\"{cy:0.#}\" r=\"3\" fill=\"#08306b\"/>"));
        }
        svg.Append(Inv($"<text x=\"{pad + size / 2}\" y=\"{pad + size + 28}\" text-anchor=\"middle\">confidence of the predicted class</text>"));
        svg.Append(Inv($"<text transform=\"translate({pad - 26},{pad + size / 2}) rotate(-90)\" text-anchor=\"middle\">accuracy</text>"));
        svg.Append(Inv($"<text x=\"{pad}\" y=\"{pad - 10}\">ECE = {bins.ExpectedCalibrationError:0.000}</text>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Blend(double t, (int R, int G, int B) from, (int R, int G, int B) to)
    {
        t = Math.Clamp(t, 0, 1);
        int r = (int)(from.R + (to.R - from.R) * t), g = (int)(from.G + (to.G - from.G) * t), b = (int)(from.B + (to.B - from.B) * t);
        return $"#{r:x2}{g:x2}{b:x2}";
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
