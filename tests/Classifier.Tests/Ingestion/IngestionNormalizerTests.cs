using Classifier.Text.Normalization;

namespace Classifier.Tests.Ingestion;

/// <summary>The matching form of text used by the featurizer and the drop rules.</summary>
public class IngestionNormalizerTests
{
    [Theory]
    [InlineData("Vučić", "vucic")]
    [InlineData("Vucic", "vucic")]
    [InlineData("Вучић", "vucic")]
    [InlineData("Priština", "pristina")]
    [InlineData("Приштина", "pristina")]
    [InlineData("Đorđe Đukić", "djordje djukic")]
    [InlineData("Ђорђе Љубљана Његош Џиновић", "djordje ljubljana njegos dzinovic")]
    [InlineData("Сергей", "sergej")]
    [InlineData("Kosovë", "kosove")]
    [InlineData("Ștefan Țiriac", "stefan tiriac")]
    [InlineData("Łódź Æther Œuvre", "lodz aether oeuvre")]
    [InlineData("Vuc\u030Cic\u0301", "vucic")]
    public void Names_fold_to_one_form(string text, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void Spellings_of_the_same_name_are_equal()
    {
        Assert.Equal(TextNormalizer.Normalize("Aleksandar Vučić"), TextNormalizer.Normalize("ALEKSANDAR VUCIC"));
        Assert.Equal(TextNormalizer.Normalize("Александар Вучић"), TextNormalizer.Normalize("Aleksandar Vucic"));
    }

    [Fact]
    public void Quotes_dashes_and_ellipses_are_unified()
    {
        Assert.Equal("\"so-called\" 'prime minister' - kurti...", TextNormalizer.Normalize("“so‑called” ‘prime minister’ — Kurti…"));
        Assert.Equal("\"ok\" 'x' a-b", TextNormalizer.Normalize("«ok» ‹x› a–b"));
        Assert.Equal("serbia's", TextNormalizer.Normalize("Serbia’s"));
        Assert.Equal("it's", TextNormalizer.Normalize("it`s"));
    }

    [Fact]
    public void Whitespace_collapses_and_invisible_characters_vanish()
    {
        Assert.Equal("a b c", TextNormalizer.Normalize("  a \t\u00A0 b\r\n\nc  "));
        Assert.Equal("pristina", TextNormalizer.Normalize("Priš\u00ADtina"));
        Assert.Equal("vucic", TextNormalizer.Normalize("\uFEFFVu\u200Dčić"));
        Assert.Equal("", TextNormalizer.Normalize(" \t\n"));
    }

    [Fact]
    public void Case_is_kept_when_asked()
    {
        Assert.Equal("Vucic in Pristina", TextNormalizer.Normalize("Vučić in Priština", lowerCase: false));
        Assert.Equal("Vucic Djordje", TextNormalizer.Normalize("Вучић Ђорђе", lowerCase: false));
    }

    [Fact]
    public void Broken_surrogates_do_not_throw()
    {
        Assert.Equal("a\uFFFDb", TextNormalizer.Normalize("a\uD800b"));
        Assert.Equal("ok \U0001F600", TextNormalizer.Normalize("OK  \U0001F600"));
    }
}
