using Classifier.Studio.Highlighting;

namespace Classifier.Tests.Studio;

/// <summary>Explanation terms (normalised n-grams) found in the text they came from, at the text's own offsets.</summary>
public sealed class TermHighlighterTests
{
    private static List<string> Found(string text, params string[] terms) =>
        [.. TermHighlighter.Find(text, terms).Select(s => text[s.Start..s.End])];

    [Fact]
    public void Terms_match_whole_tokens_whatever_the_case_diacritics_script_or_separators()
    {
        Assert.Equal(["Vučić", "VUCIC"], Found("Vučić and VUCIC, not vucicevic.", "vucic"));
        Assert.Equal(["Вучић"], Found("Вучић рекао", "vucic"));
        Assert.Equal(["so-called government"], Found("the so-called government", "so called government"));
        Assert.Equal(["Kurti's"], Found("Kurti's cabinet", "kurti's"));
        Assert.Equal(["police"], Found("sent police.", "police."));
        Assert.Equal(["separatist"], Found("“separatist” leaders", "quote:separatist"));
        Assert.Equal(["Vuc\u030Cic\u0301"], Found("Vuc\u030Cic\u0301 spoke", "vucic"));
        Assert.Empty(Found("nothing here", "absent", "", "---"));
    }

    [Fact]
    public void Spans_are_in_text_order_longest_first_and_count_utf16_units()
    {
        var spans = TermHighlighter.Find("😀 special police", ["police", "special police", "special"]);
        Assert.Equal([(3, 17), (3, 10), (11, 17)], spans.Select(s => (s.Start, s.End)));
    }
}
