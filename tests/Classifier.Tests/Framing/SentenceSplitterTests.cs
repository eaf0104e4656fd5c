using Classifier.Text.Framing;

namespace Classifier.Tests.Framing;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Kurti spoke on Monday. Belgrade rejected the claim.", new[] { "Kurti spoke on Monday.", "Belgrade rejected the claim." })]
    [InlineData("Is this a provocation? Yes! It is.", new[] { "Is this a provocation?", "Yes!", "It is." })]
    [InlineData("“We will not give up,” he said. “Never.” The talks ended.", new[] { "“We will not give up,” he said.", "“Never.”", "The talks ended." })]
    [InlineData("He said: \"It is over.\" Then he left.", new[] { "He said: \"It is over.\"", "Then he left." })]
    [InlineData("The war ended in 1999. 13,000 people died.", new[] { "The war ended in 1999.", "13,000 people died." })]
    [InlineData("Wait… Nothing happened.", new[] { "Wait…", "Nothing happened." })]
    [InlineData("(They left.) Others stayed.", new[] { "(They left.)", "Others stayed." })]
    [InlineData("“We will not accept it, and we won't.” Pristina replied.", new[] { "“We will not accept it, and we won't.”", "Pristina replied." })]
    [InlineData("It was Kosovo's. Serbia said so.", new[] { "It was Kosovo's.", "Serbia said so." })]
    [InlineData("It began in the 1990s. Talks followed.", new[] { "It began in the 1990s.", "Talks followed." })]
    [InlineData("Serbia said no. The EU disagreed.", new[] { "Serbia said no.", "The EU disagreed." })]
    [InlineData("Они су рекли „не.“ Онда су отишли.", new[] { "Они су рекли „не.“", "Онда су отишли." })]
    [InlineData("Он сказал: «Нет». — Почему?", new[] { "Он сказал: «Нет».", "— Почему?" })]
    public void Splits_at_sentence_ends(string paragraph, string[] expected) =>
        Assert.Equal(expected, SentenceSplitter.Split(paragraph));

    [Theory]
    [InlineData("The U.S. Embassy issued a statement.")]
    [InlineData("Mr. Vučić met Gen. Smith on Jan. 5 in Belgrade.")]
    [InlineData("J. Smith and A. B. Jones wrote it.")]
    [InlineData("Inflation was 1.5 percent.")]
    [InlineData("Resolution No. 1244 and Art. 9 apply.")]
    [InlineData("   ")]
    [InlineData("It ended.the next word is lower case")]
    [InlineData("Talks resumed. and then stalled")]
    [InlineData("No full stop at all")]
    [InlineData("")]
    public void Keeps_one_sentence_where_a_stop_is_not_an_end(string paragraph) =>
        Assert.Equal([paragraph], SentenceSplitter.Split(paragraph));

    [Fact]
    public void Trims_and_drops_nothing_but_whitespace()
    {
        var sentences = SentenceSplitter.Split("  First one.   Second one.  ");
        Assert.Equal(["First one.", "Second one."], sentences);
    }

    [Fact]
    public void Every_non_space_character_is_kept_in_order()
    {
        const string text = "BELGRADE (Reuters) – Serbia said on Monday it would not recognise Kosovo. Pristina disagreed! Talks? “Later,” an envoy said. Dr. Ilić agreed.";
        var joined = string.Concat(SentenceSplitter.Split(text)).Replace(" ", "");
        Assert.Equal(text.Replace(" ", ""), joined);
        Assert.Equal(5, SentenceSplitter.Split(text).Count);
    }
}
