using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;
using Classifier.Text.Labelling;

namespace Classifier.Tests.Labelling;

public class LabellingRuleSetTests
{
    private static string Rule(string name, string head, string label, string kind, string patterns) =>
        $$"""{ "name": "{{name}}", "head": "{{head}}", "label": "{{label}}", "kind": "{{kind}}", "patterns": {{patterns}}, "rationale": "test" }""";

    private static RuleSet Parse(params string[] rules) => RuleSet.Parse($$"""{ "rules": [ {{string.Join(",", rules)}} ] }""", "rules.json");

    [Fact]
    public void Invalid_regex_is_reported_with_the_rule_name()
    {
        var ex = Assert.Throws<InputException>(() => Parse(
            Rule("ok", "stance", "neutral", "keywords", """["calm"]"""),
            Rule("broken.paren", "stance", "pro-serbia", "regex", """["(unclosed"]""")));
        Assert.Contains("'broken.paren'", ex.Message);
        Assert.Contains("invalid regular expression", ex.Message);
        Assert.Equal("rules.json", ex.File);
    }

    [Fact]
    public void Unknown_label_is_reported_with_the_rule_name_and_a_suggestion()
    {
        var ex = Assert.Throws<InputException>(() => Parse(Rule("typo.rule", "stance", "pro-serbai", "keywords", """["x"]""")));
        Assert.Contains("'typo.rule'", ex.Message);
        Assert.Contains("pro-serbai", ex.Message);
        Assert.Contains("pro-serbia", ex.Hint);
    }

    [Fact]
    public void Unknown_head_kind_missing_patterns_and_duplicates_are_refused()
    {
        Assert.Contains("'h'", Assert.Throws<InputException>(() => Parse(Rule("h", "sentiment", "neutral", "keywords", """["x"]"""))).Message);
        Assert.Contains("'k'", Assert.Throws<InputException>(() => Parse(Rule("k", "topic", "security", "fuzzy", """["x"]"""))).Message);
        Assert.Contains("'p'", Assert.Throws<InputException>(() => Parse(Rule("p", "topic", "security", "keywords", "[]"))).Message);
        Assert.Contains("twice", Assert.Throws<InputException>(() => Parse(
            Rule("d", "topic", "security", "keywords", """["x"]"""), Rule("d", "topic", "economy", "keywords", """["y"]"""))).Message);
        Assert.Throws<InputException>(() => RuleSet.Parse("{ \"rules\": [ { \"name\": ", "rules.json"));
    }

    [Fact]
    public void Pathological_regex_is_stopped_by_the_match_timeout_and_named()
    {
        var rules = RuleSet.Parse($$"""{ "rules": [ {{Rule("catastrophic", "topic", "other", "regex", """["^(\\w+\\s?)*$"]""")}} ] }""", "rules.json",
            TimeSpan.FromMilliseconds(50));
        var text = string.Concat(Enumerable.Repeat("word ", 40)) + "!";
        var ex = Assert.Throws<InputException>(() => rules.Fire(text, "row-7"));
        Assert.Contains("'catastrophic'", ex.Message);
        Assert.Contains("timed out", ex.Message);
        Assert.Contains("row-7", ex.Message);
    }

    [Fact]
    public void Keywords_match_whole_words_with_optional_prefix_phrases_match_inside_words_all_on_normalised_text()
    {
        var rules = Parse(
            Rule("kw", "topic", "security", "keywords", """["police", "destabili*"]"""),
            Rule("ph", "stance", "pro-kosovo", "phrase", """["serbian paramilitar"]"""),
            Rule("folded", "stance", "pro-serbia", "keywords", """["Kosovo i Metohija", "Vucic said"]"""),
            Rule("rx", "topic", "history", "regex", """["\\b1999\\b"]"""));
        Assert.Equal([true, false, false, false], rules.Fire("The POLICE arrived.", "1"));
        Assert.Equal([false, false, false, false], rules.Fire("Policemen arrived.", "2"));
        Assert.Equal([true, false, false, false], rules.Fire("a destabilizing move", "3"));
        Assert.Equal([false, true, false, false], rules.Fire("Serbian paramilitaries attacked", "4"));
        Assert.Equal([false, false, true, false], rules.Fire("Вучић said on Monday", "5"));
        Assert.Equal([false, false, true, true], rules.Fire("Kosovo   i Metohija since 1999", "6"));
        Assert.Equal([false, false, false, false], rules.Fire("in 19990", "7"));
    }

    [Fact]
    public void The_shipped_rule_file_loads_and_covers_both_heads_and_every_label()
    {
        var rules = RuleSet.Load(Path.Combine(Repo.Root, "data", "rules.json"));
        Assert.InRange(rules.Rules.Count, 30, 50);
        Assert.Equal(["stance", "topic"], rules.Heads);
        foreach (var label in Classifier.Text.Labels.LabelSchema.Stances) Assert.Contains(rules.Rules, r => r.Head == "stance" && r.Label == label);
        foreach (var label in Classifier.Text.Labels.LabelSchema.Topics) Assert.Contains(rules.Rules, r => r.Head == "topic" && r.Label == label);
        Assert.All(rules.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Rationale)));
        var fired = rules.Fire("Kurti's so-called government, backed by the West, faced NATO aggression claims at the KFOR base.", "x");
        var names = rules.Rules.Where((r, i) => fired[i]).Select(r => r.Name).ToList();
        Assert.Contains("stance.so_called", names);
        Assert.Contains("stance.nato_aggression", names);
        Assert.Contains("topic.security_kfor_nato", names);
    }

    [Theory]
    [InlineData("a direct consequence of the course of the so-called “Prime Minister” A. Kurti")] // gold 004:10
    [InlineData("the so-called 'state' of Kosovo")]
    [InlineData("the so-called «government» in Pristina")]
    [InlineData("the so-called prime minister")]
    public void So_called_fires_with_or_without_quotes_between_the_words(string text)
    {
        var rules = RuleSet.Load(Path.Combine(Repo.Root, "data", "rules.json"));
        var fired = rules.Fire(text, "x");
        Assert.True(fired[rules.Rules.ToList().FindIndex(r => r.Name == "stance.so_called")], text);
    }
}
