using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;
using Classifier.Text.Ingestion;

namespace Classifier.Tests.Ingestion;

/// <summary>The built-in rules on lines the seeds do not contain, and the rules file format with its errors.</summary>
public class IngestionDropRulesTests
{
    private static SplitResult Split(string text, DropRules? rules = null) =>
        new ParagraphSplitter(rules ?? DropRules.Default).Split(new Article("t", "t.txt", text));

    private static string? ReasonFor(string line, string before = "Kosovo police said the border crossing reopened on Monday after talks.")
    {
        var result = Split($"Headline about the crossing\n{before}\n{line}\nThe crossing stays open, police in Kosovo and Serbia said on Monday.\n");
        return result.Dropped.SingleOrDefault(d => d.Line == 3)?.Reason;
    }

    [Theory]
    [InlineData("BELGRADE –", "dateline")]
    [InlineData("PRISTINA, Sept 26 (Reuters) -", "dateline")]
    [InlineData("September 26, 2023", "dateline")]
    [InlineData("Updated: 26.09.2023 14:05 CET", "dateline")]
    [InlineData("By Jane Doe and John Roe", "byline")]
    [InlineData("Reporting by Fatos Bytyci; Editing by Alex Richardson", "byline")]
    [InlineData("Photo: AP", "photo-credit")]
    [InlineData("REUTERS/Marko Djurica", "photo-credit")]
    [InlineData("Police guard the bridge in Mitrovica. Photo: AP", "photo-caption")]
    [InlineData("Police guard the bridge in Mitrovica. REUTERS/Ognen Teofilovski", "photo-caption")]
    [InlineData("» Related Articles", "site-furniture")]
    [InlineData("Read more: Kosovo and Serbia agree on plates", "site-furniture")]
    [InlineData("© 2023 Some Outlet. All rights reserved.", "site-furniture")]
    [InlineData("Share this article", "site-furniture")]
    [InlineData("3) Hungary", "list-heading")]
    [InlineData("(Beta)", "byline")]
    [InlineData("Подели", "site-furniture")]
    [InlineData("Pročitajte još", "site-furniture")]
    [InlineData("Izvor: N1, Beta", "byline")]
    [InlineData("Foto: Tanjug/Dimitrije Goll", "photo-credit")]
    [InlineData("Source: Tanjug", "byline")]
    [InlineData("Kosovo police said the border crossing reopened on Monday after talks.", "repeated-headline")]
    public void General_page_furniture_is_dropped(string line, string reason) => Assert.Equal(reason, ReasonFor(line));

    [Theory]
    [InlineData("By Monday, the talks in Brussels had collapsed without any agreement.")]
    [InlineData("BELGRADE – Serbia's president said the army was on alert.")]
    [InlineData("SERBIA PUTS ARMY ON HIGHEST ALERT")]
    [InlineData("Kurti said the attack/ the shooting was planned in Belgrade.")]
    [InlineData("He said 2. the talks must go on, and 3. nobody should leave them.")]
    [InlineData("News of the attack spread quickly through Mitrovica.")]
    [InlineData("Reuters reported that the talks collapsed.")]
    [InlineData("Sources said the talks collapsed on Monday.")]
    [InlineData("The photo: a burned car near the bridge, shared widely online, was fake.")]
    public void Prose_that_looks_a_little_like_furniture_is_kept(string line) => Assert.Null(ReasonFor(line));

    [Fact]
    public void Only_a_repeated_headline_length_line_is_dropped()
    {
        const string para = "The officials said on Monday that the talks in Brussels would continue after a meeting with reporters and envoys from both sides of the dispute.";
        var result = Split($"Officials meet over the dispute\n\nOfficials meet over the dispute\n{para}\n\n{para}\n");
        Assert.Equal([3], result.Dropped.Select(d => d.Line));
        Assert.Equal(3, result.Kept.Count);
    }

    [Fact]
    public void A_related_final_headline_is_kept_and_an_unrelated_one_dropped()
    {
        const string body = "Serbia and Kosovo leaders meet\nSerbian and Kosovo leaders met in Brussels for talks on the border crossing.\nThe talks ended without a deal.\n";
        var related = Split(body + "Kosovo and Serbia leaders to meet again in Brussels\n\nSource link\n");
        Assert.Equal(4, related.Kept.Count);
        var unrelated = Split(body + "Earthquake shakes western Turkey overnight\n\nSource link\n");
        Assert.Equal(3, unrelated.Kept.Count);
        Assert.Equal("leaked-headline", unrelated.Dropped[0].Reason);
        Assert.Equal(4, unrelated.Dropped[0].Line);
        Assert.Equal([4, 6], unrelated.Dropped.Select(d => d.Line));
        // Several teasers at the foot of the page are judged one by one.
        var teasers = Split(body + "Related Articles\nEarthquake shakes western Turkey overnight\nKosovo and Serbia leaders to meet again in Brussels\nOil prices climb on supply fears\n");
        Assert.Equal([(4, "site-furniture"), (5, "leaked-headline"), (7, "leaked-headline")], teasers.Dropped.Select(d => (d.Line, d.Reason)));
        Assert.Equal(6, teasers.Kept[^1].Line);
        Assert.Equal(4, teasers.Kept[^1].Index);
        // A headline-shaped line followed by more prose is a subheading, not a leak.
        var middle = Split(body + "Earthquake shakes western Turkey overnight\nThe talks will resume in Brussels next week.\n");
        Assert.Equal(5, middle.Kept.Count);
    }

    [Fact]
    public void A_leaked_headline_a_strip_rule_trimmed_is_reported_as_it_was_on_the_page()
    {
        const string body = "Serbia and Kosovo leaders meet\nSerbian and Kosovo leaders met in Brussels for talks on the border crossing.\nThe talks ended without a deal.\n";
        // The signature rule trims "/The Outlet/" before the line is judged a headline; the drop report must still show the whole line.
        var result = Split(body + "Turkey hit by \"worst earthquake in decades\" /The Outlet/\n");
        var drop = Assert.Single(result.Dropped);
        Assert.Equal("leaked-headline", drop.Reason);
        Assert.Equal("Turkey hit by \"worst earthquake in decades\" /The Outlet/", drop.Text);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4_000)]
    public void A_final_headline_is_judged_against_the_whole_page_however_long(int proseLines)
    {
        // Thousands of lines pass both the kept text the splitter holds back from the article's word sketch and the
        // word count at which the sketch changes representation; the headline's words occur only on the first lines.
        var random = new Random(11);
        var page = new System.Text.StringBuilder("Serbia and Kosovo leaders meet\nSerbian and Kosovo leaders met in Brussels for talks on the border crossing.\n");
        for (int i = 0; i < proseLines; i++)
        {
            for (int w = 0; w < 12; w++)
            {
                for (int c = 0; c < 7; c++) page.Append((char)('a' + random.Next(26)));
                page.Append(' ');
            }
            page.Append("and more.\n");
        }
        var body = page.ToString();
        Assert.Equal(proseLines + 3, Split(body + "Kosovo and Serbia leaders to meet again in Brussels\n\nSource link\n").Kept.Count);
        var unrelated = Split(body + "Earthquake shakes western Turkey overnight\n\nSource link\n");
        Assert.Equal(proseLines + 2, unrelated.Kept.Count);
        Assert.Equal(("leaked-headline", proseLines + 3), (unrelated.Dropped[0].Reason, unrelated.Dropped[0].Line));
    }

    [Fact]
    public void Built_in_rules_are_data_with_a_rationale_each()
    {
        var json = DropRules.BuiltInJson();
        Assert.Contains("\"rules\"", json);
        Assert.NotEmpty(DropRules.Default.Rules);
        foreach (var rule in DropRules.Default.Rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Rationale), rule.Name);
            Assert.Contains(rule.Kind, new[] { "phrases", "regex", "structural" });
        }
        Assert.Equal(DropRules.Default.Rules.Count, DropRules.Default.Rules.Select(r => r.Name).Distinct().Count());
    }

    [Fact]
    public void A_user_file_extends_replaces_and_disables_rules()
    {
        using var dir = new TempDir();
        var path = dir.Write("rules.json", """
            {
              // comments are allowed
              "rules": [
                { "name": "newsletter-teaser", "reason": "site-furniture", "kind": "phrases", "match": "line",
                  "phrases": ["Get the Balkan Brief"], "rationale": "our outlet's newsletter box" },
                { "name": "byline", "enabled": false },
                { "name": "numbered-list-heading", "reason": "list-heading", "kind": "regex", "pattern": "^#\\d+ ", "rationale": "hash lists" }
              ]
            }
            """);
        var rules = DropRules.Load(path);
        Assert.Equal(path, rules.Source);
        Assert.Equal(DropRules.Default.Rules.Count, rules.Rules.Count);
        var result = Split("Headline here now\nGet the Balkan Brief\nBy Jane Doe\n#1 China\n1. China\nA sentence of prose.\n", rules);
        Assert.Equal([(2, "site-furniture"), (4, "list-heading")], result.Dropped.Select(d => (d.Line, d.Reason)));
        Assert.Contains(result.Kept, p => p.Text == "By Jane Doe");
        Assert.Contains(result.Kept, p => p.Text == "1. China");
    }

    [Fact]
    public void A_file_that_extends_none_stands_alone()
    {
        var rules = DropRules.Parse("""{ "extends": "none", "rules": [ { "name": "x", "reason": "r", "kind": "phrases", "phrases": ["News"], "rationale": "test" } ] }""", "own.json", DropRules.Default);
        Assert.Single(rules.Rules);
        Assert.Equal(["Dismiss"], Split("News\nDismiss\n", rules).Kept.Select(p => p.Text));
    }

    [Fact]
    public void A_strip_rule_trims_a_kept_line_and_drops_it_when_nothing_is_left()
    {
        var result = Split("Headline here now\nThe talks went on./The Outlet/\n/The Outlet/\n");
        Assert.Equal(["Headline here now", "The talks went on."], result.Kept.Select(p => p.Text));
        Assert.Equal((3, "signature"), (result.Dropped.Single().Line, result.Dropped.Single().Reason));
        var rules = DropRules.Parse("""{ "rules": [ { "name": "tail", "reason": "signature", "kind": "regex", "action": "strip", "pattern": "\\s*\\[[A-Z]+\\]$", "rationale": "agency tag" } ] }""", "s.json", DropRules.Default);
        var tagged = Split("Headline here now\nThe talks went on. [AFP]\n[AFP]\n", rules);
        Assert.Equal("The talks went on.", tagged.Kept[1].Text);
        Assert.Equal(("signature", "tail"), (tagged.Dropped.Single().Reason, tagged.Dropped.Single().Rule));
    }

    [Fact]
    public void Lines_without_a_letter_are_dropped_as_no_words()
    {
        var result = Split("Headline here now\nFirst prose line.\n***\n—\n12345\n• · …\nSecond prose line.\n");
        Assert.Equal(["Headline here now", "First prose line.", "Second prose line."], result.Kept.Select(p => p.Text));
        Assert.Equal([3, 4, 5, 6], result.Dropped.Select(d => d.Line));
        Assert.All(result.Dropped, d => Assert.Equal(("no-words", "no-words"), (d.Reason, d.Rule)));
        Assert.Equal([1, 2, 3], result.Kept.Select(p => p.Index));
    }

    [Theory]
    [InlineData("Вучић")]
    [InlineData("1999: NATO")]
    [InlineData("K4")]
    public void A_line_with_a_letter_in_any_script_is_not_dropped_as_no_words(string line)
    {
        var result = Split("Prose before it.\n" + line + "\nProse after it.\n");
        Assert.DoesNotContain(result.Dropped, d => d.Reason == "no-words");
    }

    [Fact]
    public void A_regex_that_runs_past_its_timeout_stops_the_split_naming_the_rule_and_the_line()
    {
        var rules = DropRules.Parse("""{ "extends": "none", "rules": [ { "name": "slow", "reason": "r", "kind": "regex", "pattern": "^(a+)+$", "timeoutMs": 1, "rationale": "catastrophic on purpose" } ] }""", "slow.json", null);
        var text = "Fine prose here.\n" + new string('a', 5000) + "!";
        var ex = Assert.Throws<InputException>(() => new ParagraphSplitter(rules).Split("a", new StringReader(text), _ => { }, _ => { }, "page.txt"));
        Assert.Equal(("page.txt", 2L), (ex.File, ex.Line));
        Assert.Contains("\"slow\"", ex.Message);
        Assert.Contains("slow.json", ex.Message);
    }

    [Fact]
    public void A_regex_still_stops_at_its_timeout_once_the_rule_has_compiled_it()
    {
        // Hundreds of lines first, so the rule has switched from the interpreter to its compiled pattern.
        var rules = DropRules.Parse("""{ "extends": "none", "rules": [ { "name": "slow", "reason": "r", "kind": "regex", "pattern": "^(a+)+$", "timeoutMs": 1, "rationale": "catastrophic on purpose" } ] }""", "slow.json", null);
        var text = string.Concat(Enumerable.Repeat("aaaa\nFine prose here.\n", 300)) + new string('a', 5000) + "!";
        var ex = Assert.Throws<InputException>(() => new ParagraphSplitter(rules).Split("a", new StringReader(text), _ => { }, _ => { }, "page.txt"));
        Assert.Equal(("page.txt", 601L), (ex.File, ex.Line));
        Assert.Contains("\"slow\"", ex.Message);
    }

    [Fact]
    public void Rules_decide_the_same_before_and_after_they_compile_their_patterns()
    {
        // A fresh copy of the built-in rules starts on the interpreter; a few hundred pages later every regex rule has
        // compiled its pattern. Every page must be split as the first one was, furniture, captions, strips and all.
        var rules = DropRules.Parse(DropRules.BuiltInJson(), "built-in copy", null);
        var lines = new[]
        {
            "Headline about the crossing", "BELGRADE –", "PRISTINA, Sept 26 (Reuters) -", "September 26, 2023", "Updated: 26.09.2023 14:05 CET",
            "By Jane Doe and John Roe", "Reporting by Fatos Bytyci; Editing by Alex Richardson", "Photo: AP", "REUTERS/Marko Djurica",
            "Police guard the bridge in Mitrovica. Photo: AP", "Police guard the bridge in Mitrovica. REUTERS/Ognen Teofilovski",
            "» Related Articles", "© 2023 Some Outlet. All rights reserved.", "3) Hungary", "(Beta)", "Izvor: N1, Beta", "***",
            "The leaders met in northern Kosovo. / Serbian presidency", "The talks went on./The Outlet/", "/The Outlet/",
            "By Monday, the talks in Brussels had collapsed without any agreement.", "BELGRADE – Serbia's president said the army was on alert.",
            "SERBIA PUTS ARMY ON HIGHEST ALERT", "Kurti said the attack/ the shooting was planned in Belgrade.",
            "The photo: a burned car near the bridge, shared widely online, was fake.", "Reuters reported that the talks collapsed.",
            "Kosovo police said the border crossing reopened on Monday after talks.", "Kosovo police said the border crossing reopened on Monday after talks.",
        };
        var page = new Article("p", "p.txt", string.Join('\n', lines));
        var splitter = new ParagraphSplitter(rules);
        static string Decisions(SplitResult r) =>
            string.Join('\n', r.Kept.Select(k => $"kept {k.Line} {k.Text}").Concat(r.Dropped.Select(d => $"dropped {d.Line} {d.Rule}")));
        var first = Decisions(splitter.Split(page));
        Assert.Contains("dropped 10 caption-ending-in-photo-credit", first);
        Assert.Contains("kept 19 The talks went on.", first);
        for (int i = 0; i < 600; i++) Assert.Equal(first, Decisions(splitter.Split(page)));
    }

    [Fact]
    public void A_rule_with_the_largest_word_limit_leaves_the_other_rules_limits_in_force()
    {
        // Words are counted once per line up to the largest limit; a limit of int.MaxValue must not overflow that count
        // and switch every limit off (the byline rule would then drop this paragraph of prose).
        const string json = """
            { "extends": "default", "rules": [
              { "name": "huge-limit", "reason": "site-furniture", "kind": "phrases", "phrases": ["never on a real page"], "maxWords": 2147483647, "rationale": "x" } ] }
            """;
        var prose = "By contrast, Kurti said on Monday that the talks in Brussels would go on next week, and that nothing would change " +
            "in the north until Belgrade recognised what had happened there in the spring of that year";
        Assert.Null(ReasonFor(prose));
        var result = Split($"Headline about the crossing\nKosovo police said the border crossing reopened.\n{prose}\n", DropRules.Parse(json, "huge.json", DropRules.Default));
        Assert.DoesNotContain(result.Dropped, d => d.Line == 3);
        Assert.Contains(result.Kept, k => k.Text == prose);
    }

    [Fact]
    public void The_built_in_patterns_written_for_speed_decide_as_the_plainer_patterns_they_replaced()
    {
        // Two patterns were rewritten so the regex engine can search for a literal first (a '/', a credit word) instead
        // of trying a match at every position of every line: the signature's context became a lookbehind, and the
        // caption's credit word comes first with its context checked behind it. The plainer originals, as a user file
        // replacing the built-in rules of the same names, must decide every line the same way and strip the same text.
        const string plain = """
            { "extends": "default", "rules": [
              { "name": "trailing-outlet-signature", "reason": "signature", "kind": "regex", "action": "strip", "rationale": "x",
                "pattern": "(?:(?<=[.!?\"”’)])|^)\\s*/\\s*\\p{Lu}[^/\\r\\n]{0,40}/\\s*$" },
              { "name": "caption-ending-in-photo-credit", "reason": "photo-caption", "kind": "regex", "ignoreCase": true, "rationale": "x",
                "pattern": "(?:^|[.!?”\"’)]\\s*|\\s)\\(?(?:photo(?:graph)?s?|images?|pictures?|foto|credit)\\s*(?:/|:|\\||by\\b|©)\\s*\\p{Lu}[^.!?/]{0,50}\\)?\\s*$" } ] }
            """;
        var original = DropRules.Parse(plain, "plain.json", DropRules.Default);
        Assert.Equal(DropRules.Default.Rules.Select(r => r.Name), original.Rules.Select(r => r.Name));
        var lines = new List<string>();
        string[] before = ["", "Police guard the bridge.", "Police guard the bridge. ", "Police guard the bridge", "(", "Kosovo police (",
            "He said \"no.\" ", "in the north, ", "Police guard the bridge!(", "photo"];
        string[] words = ["Photo", "photos", "PHOTOGRAPH", "image", "Pictures", "foto", "Credit", "photo credit", "photographs", "Images"];
        string[] separators = [": ", "/", " | ", " by ", " © ", " - ", ":", "  /  "];
        string[] after = ["AP", "Reuters)", "Marko Djurica", "ap", "Reuters. More text", "A/B", "", "Reuters ) ", "EPA-EFE/Georgi Licovski"];
        foreach (var b in before) foreach (var w in words) foreach (var sep in separators) foreach (var a in after) lines.Add(b + w + sep + a);
        string[] sentences = ["The talks went on.", "The talks went on. ", "The talks went on", "", "He said \"no.\"", "x)", "Really?!  ", "a. b"];
        string[] signatures = ["/The Outlet/", " / Serbian presidency /", "/ The Outlet / ", "/the outlet/", "/A/B/", "/Outlet", "/ Kosovo Online/  ",
            "/" + new string('A', 41) + "/", "//", "/Č/"];
        foreach (var sentence in sentences) foreach (var s in signatures) lines.Add(sentence + s);

        static string Decisions(DropRules rules, string line)
        {
            var r = new ParagraphSplitter(rules).Split(new Article("t", "t.txt", "Kosovo police said the crossing reopened.\n" + line));
            return string.Join(" | ", r.Kept.Select(k => $"kept {k.Text}").Concat(r.Dropped.Select(d => $"dropped {d.Rule}")));
        }
        int caption = 0, signature = 0;
        foreach (var line in lines)
        {
            var expected = Decisions(original, line);
            Assert.Equal(expected, Decisions(DropRules.Default, line));
            if (expected.Contains("caption-ending-in-photo-credit", StringComparison.Ordinal)) caption++;
            if (expected.Contains("trailing-outlet-signature", StringComparison.Ordinal) || line.EndsWith('/') && !expected.Contains(line.Trim(), StringComparison.Ordinal)) signature++;
        }
        // The battery reaches both outcomes of both rules.
        Assert.InRange(caption, 100, lines.Count - 100);
        Assert.InRange(signature, 10, lines.Count - 10);
    }

    [Theory]
    [InlineData("""{ "rules": [ { "name": "a", "reason": "r", "kind": "glob", "rationale": "x" } ] }""", "rule \"a\"", "unknown kind")]
    [InlineData("""{ "rules": [ { "name": "bad-re", "reason": "r", "kind": "regex", "pattern": "([a-z", "rationale": "x" } ] }""", "rule \"bad-re\"", "invalid pattern")]
    [InlineData("""{ "rules": [ { "name": "why", "reason": "r", "kind": "phrases", "phrases": ["x"] } ] }""", "rule \"why\"", "rationale")]
    [InlineData("""{ "rules": [ { "reason": "r", "kind": "phrases", "phrases": ["x"], "rationale": "x" } ] }""", "rule #1", "name")]
    [InlineData("""{ "rules": [ { "name": "typo", "reason": "r", "kind": "phrases", "phrase": ["x"], "rationale": "x" } ] }""", "rule \"typo\"", "phrases")]
    [InlineData("""{ "rules": [ { "name": "s", "reason": "r", "kind": "structural", "check": "vibes", "rationale": "x" } ] }""", "rule \"s\"", "unknown check")]
    [InlineData("""{ "rules": [ { "name": "ghost", "enabled": false } ] }""", "rule \"ghost\"", "no such rule")]
    [InlineData("""{ "rules": [ { "name": "t", "reason": "r", "kind": "regex", "pattern": "x", "timeoutMs": 0, "rationale": "x" } ] }""", "rule \"t\"", "timeoutMs")]
    [InlineData("""{ "rulez": [] }""", "rulez", "unknown")]
    public void Rule_file_mistakes_name_the_file_and_the_rule(string json, string rule, string what)
    {
        using var dir = new TempDir();
        var path = dir.Write("my-rules.json", json);
        var ex = Assert.Throws<InputException>(() => DropRules.Load(path));
        Assert.Equal(path, ex.File);
        Assert.Contains(rule, ex.Message);
        Assert.Contains(what, ex.Message + ex.Hint);
    }

    [Fact]
    public void Invalid_json_names_the_line()
    {
        using var dir = new TempDir();
        var path = dir.Write("broken.json", "{\n  \"rules\": [\n    { \"name\": \"a\" \n  ]\n}\n");
        var ex = Assert.Throws<InputException>(() => DropRules.Load(path));
        Assert.Equal(path, ex.File);
        Assert.Equal(4, ex.Line);
        Assert.Contains("JSON", ex.Message);
    }

    [Fact]
    public void A_missing_rules_file_is_an_input_error()
    {
        using var dir = new TempDir();
        var ex = Assert.Throws<InputException>(() => DropRules.Load(dir.File("none.json")));
        Assert.Equal(dir.File("none.json"), ex.File);
    }
}
