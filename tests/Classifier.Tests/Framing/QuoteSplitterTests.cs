using Classifier.Text.Framing;
using Classifier.Text.Normalization;

namespace Classifier.Tests.Framing;

public sealed class QuoteSplitterTests
{
    private static string Quoted(string text) =>
        string.Join("|", QuoteSplitter.Split(text).Where(s => s.Quoted).Select(s => s.Text));

    [Theory]
    [InlineData("Vučić said “Kosovo is Serbia” on Monday.", "“Kosovo is Serbia”")]
    [InlineData("Vučić said \"Kosovo is Serbia\" on Monday.", "\"Kosovo is Serbia\"")]
    [InlineData("Vučić said „Kosovo is Serbia“ on Monday.", "„Kosovo is Serbia“")]
    [InlineData("Vučić said «Kosovo is Serbia» on Monday.", "«Kosovo is Serbia»")]
    [InlineData("Vučić said »Kosovo is Serbia« on Monday.", "»Kosovo is Serbia«")]
    [InlineData("Vučić said ‹Kosovo is Serbia› on Monday.", "‹Kosovo is Serbia›")]
    [InlineData("Vučić said ‘Kosovo is Serbia’ on Monday.", "‘Kosovo is Serbia’")]
    [InlineData("Vučić said 'Kosovo is Serbia' on Monday.", "'Kosovo is Serbia'")]
    public void Every_quote_style_marks_the_quoted_words(string text, string expected) => Assert.Equal(expected, Quoted(text));

    [Fact]
    public void Apostrophes_and_plural_possessives_are_not_quotes()
    {
        Assert.Equal("", Quoted("Kosovo's police and Vučić’s office met the Serbs' representatives."));
        Assert.Equal("‘illegal’", Quoted("Kurti’s government called the Serbs' offices ‘illegal’."));
    }

    [Fact]
    public void A_single_quote_closing_after_punctuation_closes()
    {
        Assert.Equal("‘Prime Minister.’", Quoted("He called Kurti the so-called ‘Prime Minister.’ Then he left."));
    }

    [Fact]
    public void Nested_quotes_stay_inside_the_outer_quote_and_end_with_it()
    {
        var text = "Dačić said: “They call him ‘Prime Minister’ but he is not one.” Pristina did not reply.";
        Assert.Equal("“They call him ‘Prime Minister’ but he is not one.”", Quoted(text));
        // An inner single quote left open ends with its outer quote, not at the end of the paragraph.
        Assert.Equal("“the ‘state”", Quoted("He spoke of “the ‘state” and left."));
    }

    [Fact]
    public void An_unbalanced_opening_quote_runs_to_the_end_of_the_paragraph()
    {
        Assert.Equal("“We will never accept this. The north is ours", Quoted("Petković said: “We will never accept this. The north is ours"));
        Assert.Equal("", Quoted("No quotes at all — just the narrator."));
    }

    [Fact]
    public void Normalised_text_splits_like_the_original()
    {
        var text = "Kurti’s office said «the attack was planned in Belgrade» and Vučić called it ‘a lie’.";
        Assert.Equal(
            QuoteSplitter.Split(text).Select(s => s.Quoted),
            QuoteSplitter.Split(TextNormalizer.Normalize(text)).Select(s => s.Quoted));
    }

    [Fact]
    public void Segments_alternate_and_never_lose_a_character()
    {
        var random = new Random(5);
        string[] pieces = ["“", "”", "„", "«", "»", "‘", "’", "'", "\"", "Kosovo", "Vučić's", " ", ".", "—", "Serbs'", "x", "1999"];
        for (int t = 0; t < 500; t++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            var segments = QuoteSplitter.Split(text);
            Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
            for (int i = 1; i < segments.Count; i++) Assert.NotEqual(segments[i - 1].Quoted, segments[i].Quoted);
        }
    }
}
