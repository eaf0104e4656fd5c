using Classifier.Text.Ingestion;
using FsCheck;
using FsCheck.Fluent;

namespace Classifier.Tests.Properties;

/// <summary>Whatever the page, every non-blank line is accounted for: kept as it was (a strip rule may only cut its end) or dropped with its text.</summary>
public class ParagraphSplitterProperties
{
    private static readonly string[] Words =
        ["Vučić", "Kurti", "met", "in", "Brussels", "News", "By", "Photo:", "Reuters", "***", "—", "12345", "Source", "link", "/The Outlet/", "Вучић", "\"", ".", ",", "  ", "\t"];

    private static Gen<string> Line =>
        Gen.Elements(Words).ArrayOf().Select(w => string.Join(' ', w.Take(12)));

    private static Gen<(string[] Lines, string[] Ends)> Pages =>
        from count in Gen.Choose(1, 30)
        from lines in Line.ArrayOf(count)
        from ends in Gen.Elements("\n", "\r\n", "\r", "\n\n").ArrayOf(count)
        select (lines, Unambiguous(lines, ends));

    // "\r" then an empty line ending in "\n" is one "\r\n" line break, not two; the expected numbering would be off.
    private static string[] Unambiguous(string[] lines, string[] ends)
    {
        for (int i = 0; i + 1 < lines.Length; i++)
            if (ends[i] == "\r" && lines[i + 1].Length == 0) ends[i] = "\r\n";
        return ends;
    }

    private static string Render((string[] Lines, string[] Ends) page) =>
        string.Concat(page.Lines.Zip(page.Ends, (l, e) => l + e));

    /// <summary>The non-blank lines of the page with their 1-based line numbers, as the splitter numbers them.</summary>
    private static List<(int Line, string Text)> NonBlank((string[] Lines, string[] Ends) page)
    {
        var result = new List<(int, string)>();
        int number = 0;
        for (int i = 0; i < page.Lines.Length; i++)
        {
            number++;
            if (page.Lines[i].Trim().Length > 0) result.Add((number, page.Lines[i].Trim()));
            if (page.Ends[i] == "\n\n") number++;
        }
        return result;
    }

    [Fact]
    public void Every_non_blank_line_is_kept_or_dropped_with_its_text()
    {
        var splitter = new ParagraphSplitter(DropRules.Default);
        Prop.ForAll(Pages.ToArbitrary(), page =>
        {
            var result = splitter.Split(new Article("p", "p.txt", Render(page)));
            var decisions = result.Kept.Select(k => (k.Line, Kept: true, k.Text)).Concat(result.Dropped.Select(d => (d.Line, Kept: false, d.Text)))
                .OrderBy(d => d.Line).ToList();
            var lines = NonBlank(page);
            Assert.Equal(lines.Select(l => l.Line), decisions.Select(d => d.Line));
            for (int i = 0; i < lines.Count; i++)
            {
                if (decisions[i].Kept) Assert.StartsWith(decisions[i].Text, lines[i].Text, StringComparison.Ordinal);
                else Assert.Equal(lines[i].Text, decisions[i].Text);
            }
            Assert.Equal(Enumerable.Range(1, result.Kept.Count), result.Kept.Select(k => k.Index));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Without_rules_the_paragraphs_are_exactly_the_non_blank_lines()
    {
        var splitter = new ParagraphSplitter(DropRules.Parse("""{ "extends": "none", "rules": [] }""", "none.json", null));
        Prop.ForAll(Pages.ToArbitrary(), page =>
        {
            var kept = splitter.Split(new Article("p", "p.txt", Render(page))).Kept;
            Assert.Equal(NonBlank(page), kept.Select(k => (k.Line, k.Text)));
        }).QuickCheckThrowOnFailure();
    }
}
