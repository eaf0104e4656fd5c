using System.Xml;
using System.Xml.Linq;
using Classifier.Trainer.Reports;

namespace Classifier.Tests.Reports;

public class ReportTablesTests
{
    private static readonly HashSet<string> TextColumns = ["label", "id", "actual", "predicted", "text"];

    [Fact]
    public void Text_columns_are_left_aligned_and_numbers_right_aligned()
    {
        var html = HtmlReport.Render(ReportSample.Asymmetric());
        Assert.Matches(@"\.t\{[^}]*text-align:left", html);
        Assert.Matches(@"\.n\{[^}]*text-align:right", html);

        var tables = Parse(html).Descendants("table").ToList();
        Assert.Equal(3, tables.Count); // summary, per class, mistakes
        foreach (var table in tables)
        {
            var rows = table.Elements("tr").ToList();
            var headers = rows[0].Elements("th").Select(h => h.Value).ToList();
            foreach (var row in rows)
            {
                var cells = row.Elements().ToList();
                Assert.Equal(headers.Count, cells.Count);
                for (int c = 0; c < cells.Count; c++)
                    Assert.Equal(TextColumns.Contains(headers[c]) ? "t" : "n", (string?)cells[c].Attribute("class"));
            }
        }
    }

    [Fact]
    public void Per_class_table_ends_with_macro_and_support_weighted_averages()
    {
        var html = Parse(HtmlReport.Render(ReportSample.Asymmetric()));
        var perClass = html.Descendants("table").Single(t => t.Element("tr")!.Elements("th").First().Value == "label");
        var rows = perClass.Elements("tr").Select(r => r.Elements().Select(c => c.Value).ToArray()).ToList();
        Assert.Equal(["macro avg", "0.472", "0.583", "0.517", "7"], rows[^2]);
        // weighted: P (4·.75 + 2·2/3)/7, R 5/7, F1 (4·.75 + 2·.8)/7; support the rows
        Assert.Equal(["weighted avg", "0.619", "0.714", "0.657", "7"], rows[^1]);
    }

    [Fact]
    public void Markdown_per_class_table_ends_with_the_averages_and_aligns_numbers_right()
    {
        var md = MarkdownReport.Render(ReportSample.Asymmetric());
        Assert.Contains("| label | precision | recall | F1 | support |\n|---|---:|---:|---:|---:|\n| a |", md.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("| c | 0.000 | 0.000 | 0.000 | 1 |\n| macro avg | 0.472 | 0.583 | 0.517 | 7 |\n| weighted avg | 0.619 | 0.714 | 0.657 | 7 |\n",
            md.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    /// <summary>The page is polyglot markup (well-formed XML), so tests can read it as XML.</summary>
    private static XElement Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XElement.Load(reader);
    }
}
