using System.Globalization;
using System.Net;
using System.Text;
using Classifier.Engine.Metrics;

namespace Classifier.Trainer.Reports;

/// <summary>Inline SVG charts for the HTML report: no scripts, no network, readable when printed.</summary>
public static class SvgCharts
{
    private const string Caption = "rows: actual, columns: predicted; shade = share of the row";
    private const int Margin = 6;
    private static readonly double[] Ticks = [0, 0.25, 0.5, 0.75, 1];
    private static readonly double Slant = 40 * Math.PI / 180;

    /// <summary>Confusion matrix heatmap, each row shaded by its share of the row (recall view), with counts written in the cells.</summary>
    public static string ConfusionHeatmap(IReadOnlyList<string> labels, ConfusionMatrix confusion)
    {
        const int cell = 64, font = 12, gap = 6, lift = 8;
        int k = labels.Count;
        var (left, top, width, height) = HeatmapSize(labels, cell, font, gap, lift);
        var svg = new StringBuilder(Open(width, height, "confusion matrix", font));
        for (int p = 0; p < k; p++)
            svg.Append(Inv($"<text transform=\"translate({left + p * cell + cell / 2},{top - lift}) rotate(-40)\">{Esc(labels[p])}</text>"));
        for (int a = 0; a < k; a++)
        {
            svg.Append(Inv($"<text x=\"{left - gap}\" y=\"{top + a * cell + cell / 2 + 4}\" text-anchor=\"end\">{Esc(labels[a])}</text>"));
            for (int p = 0; p < k; p++) svg.Append(HeatCell(labels, confusion, a, p, left + p * cell, top + a * cell, cell));
        }
        svg.Append(Inv($"<text x=\"{Margin}\" y=\"{height - 8}\">{Caption}</text>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// Reliability diagram: accuracy against mean confidence per confidence bin, with the rows in each bin written over
    /// its bar (a bar of three rows says little); the diagonal is perfect calibration.
    /// </summary>
    public static string ReliabilityDiagram(ReliabilityBins bins)
    {
        const int size = 240, left = 60, top = 36, font = 11;
        int bottom = top + size, right = left + size;
        var svg = new StringBuilder(Open(right + 20, bottom + 44, "reliability diagram", font));
        svg.Append(Inv($"<rect class=\"frame\" x=\"{left}\" y=\"{top}\" width=\"{size}\" height=\"{size}\" fill=\"#fafafa\" stroke=\"#999\"/>"));
        svg.Append(Inv($"<line x1=\"{left}\" y1=\"{bottom}\" x2=\"{right}\" y2=\"{top}\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>"));
        double binWidth = (double)size / bins.Bins.Count;
        for (int b = 0; b < bins.Bins.Count; b++)
            if (bins.Bins[b].Count > 0) svg.Append(Bar(bins.Bins[b], left, binWidth, b, bottom, size));
        foreach (var t in Ticks) svg.Append(Tick(t, left, bottom, size));
        svg.Append(Inv($"<text x=\"{left + size / 2}\" y=\"{bottom + 34}\" text-anchor=\"middle\">confidence of the predicted class</text>"));
        svg.Append(Inv($"<text transform=\"translate({left - 44},{top + size / 2}) rotate(-90)\" text-anchor=\"middle\">accuracy</text>"));
        svg.Append(Inv($"<text x=\"{left}\" y=\"16\">ECE = {bins.ExpectedCalibrationError:0.000}</text>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The size follows the text, so no label length or class count pushes a label or the caption off the picture.</summary>
    private static (int Left, int Top, int Width, int Height) HeatmapSize(IReadOnlyList<string> labels, int cell, int font, int gap, int lift)
    {
        int k = labels.Count;
        double longest = labels.Select(l => TextWidth(l, font)).DefaultIfEmpty(0).Max();
        int left = (int)Math.Ceiling(Margin + longest + gap);
        int top = (int)Math.Ceiling(lift + longest * Math.Sin(Slant) + Ascent(font) * Math.Cos(Slant) + Margin);
        double labelsEnd = Enumerable.Range(0, k).Select(p => left + p * cell + cell / 2.0 + TextWidth(labels[p], font) * Math.Cos(Slant))
            .DefaultIfEmpty(0).Max() + Descent(font) * Math.Sin(Slant);
        int width = (int)Math.Ceiling(Math.Max(Math.Max(left + k * cell, labelsEnd), Margin + TextWidth(Caption, font)) + Margin);
        return (left, top, width, top + k * cell + 30);
    }

    private static string HeatCell(IReadOnlyList<string> labels, ConfusionMatrix confusion, int a, int p, int x, int y, int cell)
    {
        double count = confusion.Count(a, p), rowTotal = confusion.RowTotal(a);
        double share = rowTotal > 0 ? count / rowTotal : 0;
        var fill = a == p ? Blend(share, (230, 242, 255), (8, 81, 156)) : Blend(share, (255, 245, 240), (165, 15, 21));
        string ink = share > 0.55 ? "#fff" : "#000";
        return Inv($"<rect x=\"{x}\" y=\"{y}\" width=\"{cell - 2}\" height=\"{cell - 2}\" fill=\"{fill}\"><title>actual {Esc(labels[a])}, predicted {Esc(labels[p])}: {count:0.##} ({share:P0} of row)</title></rect>")
            + Inv($"<text x=\"{x + cell / 2 - 1}\" y=\"{y + cell / 2 + 4}\" text-anchor=\"middle\" fill=\"{ink}\">{count:0.##}</text>");
    }

    private static string Bar(ReliabilityBin bin, int left, double binWidth, int index, int bottom, int size)
    {
        double x = left + index * binWidth, h = bin.Accuracy * size;
        return Inv($"<rect x=\"{x + 1:0.#}\" y=\"{bottom - h:0.#}\" width=\"{binWidth - 2:0.#}\" height=\"{h:0.#}\" fill=\"#4292c6\"><title>confidence {bin.MeanConfidence:0.00}, accuracy {bin.Accuracy:0.00}, {bin.Count} rows</title></rect>")
            + Inv($"<circle cx=\"{left + bin.MeanConfidence * size:0.#}\" cy=\"{bottom - h:0.#}\" r=\"3\" fill=\"#08306b\"/>")
            + Inv($"<text class=\"bin-count\" x=\"{x + binWidth / 2:0.#}\" y=\"{bottom - h - 6:0.#}\" text-anchor=\"middle\" font-size=\"9\" fill=\"#444\">{bin.Count}</text>");
    }

    private static string Tick(double t, int left, int bottom, int size)
    {
        double x = left + t * size, y = bottom - t * size;
        return Inv($"<line x1=\"{x:0.#}\" y1=\"{bottom}\" x2=\"{x:0.#}\" y2=\"{bottom + 4}\" stroke=\"#999\"/><text class=\"tick-x\" x=\"{x:0.#}\" y=\"{bottom + 16}\" text-anchor=\"middle\">{t:0.##}</text>")
            + Inv($"<line x1=\"{left - 4}\" y1=\"{y:0.#}\" x2=\"{left}\" y2=\"{y:0.#}\" stroke=\"#999\"/><text class=\"tick-y\" x=\"{left - 7}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{t:0.##}</text>");
    }

    private static string Open(int width, int height, string name, int font) =>
        Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{name}\" font-family=\"sans-serif\" font-size=\"{font}\">");

    /// <summary>
    /// A line's advance, estimated from its characters on the wide side (DejaVu Sans, a common default sans-serif,
    /// averages under 0.6 em for lower case): an estimate a little long leaves white space, one short clips the text.
    /// </summary>
    private static double TextWidth(string text, int font)
    {
        double em = 0;
        foreach (char c in text) em += c is 'm' or 'w' or 'M' or 'W' or '@' or '%' ? 1.0 : char.IsUpper(c) ? 0.8 : 0.62;
        return em * font;
    }

    private static double Ascent(int font) => 0.9 * font;

    private static double Descent(int font) => 0.3 * font;

    private static string Blend(double t, (int R, int G, int B) from, (int R, int G, int B) to)
    {
        t = Math.Clamp(t, 0, 1);
        int r = (int)(from.R + (to.R - from.R) * t), g = (int)(from.G + (to.G - from.G) * t), b = (int)(from.B + (to.B - from.B) * t);
        return $"#{r:x2}{g:x2}{b:x2}";
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
