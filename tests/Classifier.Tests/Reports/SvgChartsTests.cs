using System.Globalization;
using System.Xml.Linq;
using Classifier.Engine.Metrics;
using Classifier.Trainer.Reports;

namespace Classifier.Tests.Reports;

public class SvgChartsTests
{
    public static TheoryData<string[]> LabelSets => new()
    {
        { ["pro-serbia", "pro-kosovo", "neutral"] },
        { ["x", "y"] },
        { ["про-Косово & <Србија>", "café", "neutral"] },
        { ["a label name far longer than anyone would choose", "pro-kosovo", "WWWWWWWWWWWWWWWWWWWW"] },
        { ["security", "economy", "history", "energy", "law and justice", "elections", "culture and sport", "other"] },
    };

    [Theory]
    [MemberData(nameof(LabelSets))]
    public void Confusion_caption_and_labels_fit_inside_the_viewBox(string[] labels)
    {
        var confusion = new ConfusionMatrix(labels.Length);
        for (int a = 0; a < labels.Length; a++)
            for (int p = 0; p < labels.Length; p++) confusion.Add(a, p, a == p ? 120 : 3);
        var svg = XElement.Parse(SvgCharts.ConfusionHeatmap(labels, confusion));

        var box = SvgTextBox.ViewBox(svg);
        Assert.Equal(box.Width, double.Parse((string)svg.Attribute("width")!, CultureInfo.InvariantCulture));
        Assert.Equal(box.Height, double.Parse((string)svg.Attribute("height")!, CultureInfo.InvariantCulture));
        var texts = SvgTextBox.All(svg).ToList();
        Assert.Contains(texts, t => t.Text.StartsWith("rows: actual", StringComparison.Ordinal));
        foreach (var label in labels) Assert.Equal(2, texts.Count(t => t.Text == label));
        foreach (var t in texts) Assert.True(t.Inside(box), $"'{t.Text}' spans ({t.MinX:0},{t.MinY:0})-({t.MaxX:0},{t.MaxY:0}), outside the viewBox {box}");
    }

    [Fact]
    public void Reliability_diagram_has_labelled_ticks_on_both_axes()
    {
        var svg = XElement.Parse(SvgCharts.ReliabilityDiagram(Bins()));
        var frame = svg.Descendants(SvgTextBox.Svg("rect")).First(r => (string?)r.Attribute("class") == "frame");
        double left = Number(frame, "x"), top = Number(frame, "y"), right = left + Number(frame, "width"), bottom = top + Number(frame, "height");
        string[] ticks = ["0", "0.25", "0.5", "0.75", "1"];

        var x = Texts(svg, "tick-x");
        Assert.Equal(ticks, x.Select(t => t.Value));
        Assert.Equal(left, Number(x[0], "x"), 6);
        Assert.Equal(right, Number(x[^1], "x"), 6);
        Assert.All(x, t => Assert.True(Number(t, "y") > bottom));

        var y = Texts(svg, "tick-y");
        Assert.Equal(ticks, y.Select(t => t.Value));
        Assert.InRange(Number(y[0], "y"), bottom, bottom + 6); // baseline a little under the tick: the digits centre on it
        Assert.InRange(Number(y[^1], "y"), top, top + 6);
        Assert.All(y, t => Assert.True(Number(t, "x") < left));
    }

    [Fact]
    public void Reliability_diagram_shows_the_rows_in_each_bin_and_fits_its_viewBox()
    {
        var bins = Bins();
        var svg = XElement.Parse(SvgCharts.ReliabilityDiagram(bins));
        var counts = Texts(svg, "bin-count").Select(t => int.Parse(t.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(bins.Bins.Where(b => b.Count > 0).Select(b => b.Count), counts);
        Assert.Equal(12, counts.Sum());

        var box = SvgTextBox.ViewBox(svg);
        foreach (var t in SvgTextBox.All(svg)) Assert.True(t.Inside(box), $"'{t.Text}' is outside the viewBox {box}");
    }

    // 12 rows: 5 at 0.95 (4 right), 4 at 0.65 (2 right), 3 at 0.35 (all right, so that bar reaches the top).
    private static ReliabilityBins Bins()
    {
        int[] truth = [0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0];
        float[] top = [.95f, .95f, .95f, .95f, .95f, .65f, .65f, .65f, .65f, .35f, .35f, .35f];
        const int k = 3;
        var probabilities = new float[truth.Length * k];
        for (int i = 0; i < truth.Length; i++)
        {
            probabilities[i * k] = top[i];
            probabilities[i * k + 1] = top[i] > .5f ? 1 - top[i] : .33f;
            probabilities[i * k + 2] = 1 - probabilities[i * k] - probabilities[i * k + 1];
        }
        return ReliabilityBins.Compute(truth, probabilities, k);
    }

    private static List<XElement> Texts(XElement svg, string cls) =>
        [.. svg.Descendants(SvgTextBox.Svg("text")).Where(t => (string?)t.Attribute("class") == cls)];

    private static double Number(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);
}
