using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Classifier.Tests.Reports;

/// <summary>
/// A generous estimate of where an SVG text element is drawn: 0.6 em per character (the average advance of common
/// sans-serif faces), 0.8 em above the baseline and 0.25 em below, after the element's translate and rotate.
/// </summary>
public sealed record SvgTextBox(string Text, double MinX, double MinY, double MaxX, double MaxY)
{
    public const double EmPerCharacter = 0.6;

    public static IEnumerable<SvgTextBox> All(XElement svg) => svg.Descendants(Svg("text")).Select(Of);

    public static (double X, double Y, double Width, double Height) ViewBox(XElement svg)
    {
        var box = (string?)svg.Attribute("viewBox") ?? throw new Xunit.Sdk.XunitException("the svg has no viewBox");
        var v = box.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return (v[0], v[1], v[2], v[3]);
    }

    public bool Inside((double X, double Y, double Width, double Height) box) =>
        MinX >= box.X && MinY >= box.Y && MaxX <= box.X + box.Width && MaxY <= box.Y + box.Height;

    public static XName Svg(string local) => XName.Get(local, "http://www.w3.org/2000/svg");

    private static SvgTextBox Of(XElement text)
    {
        double size = double.Parse(Inherited(text, "font-size") ?? "16", CultureInfo.InvariantCulture);
        double width = text.Value.Length * EmPerCharacter * size;
        double start = (Inherited(text, "text-anchor") ?? "start") switch { "middle" => -width / 2, "end" => -width, _ => 0 };
        var (x, y, angle) = Placement(text);
        var corners = new[] { (start, -0.8 * size), (start + width, -0.8 * size), (start, 0.25 * size), (start + width, 0.25 * size) }
            .Select(c => Rotate(c, angle)).Select(c => (X: c.X + x, Y: c.Y + y)).ToArray();
        return new SvgTextBox(text.Value, corners.Min(c => c.X), corners.Min(c => c.Y), corners.Max(c => c.X), corners.Max(c => c.Y));
    }

    private static (double X, double Y, double Angle) Placement(XElement text)
    {
        double x = Number(text, "x"), y = Number(text, "y"), angle = 0;
        var transform = (string?)text.Attribute("transform") ?? "";
        var translate = Regex.Match(transform, @"translate\(([-\d.]+)[ ,]+([-\d.]+)\)");
        if (translate.Success) { x += Parse(translate.Groups[1].Value); y += Parse(translate.Groups[2].Value); }
        var rotate = Regex.Match(transform, @"rotate\(([-\d.]+)\)");
        if (rotate.Success) angle = Parse(rotate.Groups[1].Value) * Math.PI / 180;
        return (x, y, angle);
    }

    private static (double X, double Y) Rotate((double U, double V) p, double angle) =>
        (p.U * Math.Cos(angle) - p.V * Math.Sin(angle), p.U * Math.Sin(angle) + p.V * Math.Cos(angle));

    private static string? Inherited(XElement e, string attribute) =>
        e.AncestorsAndSelf().Select(a => (string?)a.Attribute(attribute)).FirstOrDefault(v => v is not null);

    private static double Number(XElement e, string attribute) => e.Attribute(attribute) is { } a ? Parse(a.Value) : 0;

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
