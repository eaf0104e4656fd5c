using Classifier.Tests.Support;
using Classifier.Text.Ingestion;

namespace Classifier.Tests.Ingestion;

/// <summary>The keep/drop decision and reason of every physical line of every seed article.</summary>
public class IngestionSeedTests
{
    // One token per physical line: "-" blank (not a paragraph), "K" kept, anything else the reason it is dropped.
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["000_1deae2b9cf06bcd4"] = "- K K K K K K K K K K K",
        ["001_549934a47970b721"] = "K K K K K K K",
        ["002_4ea2a2ccf18530da"] = "K - K - K - K - K - K - K - K - K - K - leaked-headline - site-furniture - site-furniture - site-furniture - site-furniture - site-furniture",
        ["003_73df04759b344adc"] = "site-furniture photo-caption K K K K list-heading photo-credit K K K list-heading photo-credit K K K",
        ["004_70b270a03bc512d5"] = "K - repeated-headline photo-caption byline - K - K - K - K - K - K - K - K - K - K - K - K - K - K - K - site-furniture - site-furniture",
    };

    private static readonly Dictionary<string, int> KeptCounts = new()
    {
        ["000_1deae2b9cf06bcd4"] = 11, ["001_549934a47970b721"] = 7, ["002_4ea2a2ccf18530da"] = 10,
        ["003_73df04759b344adc"] = 10, ["004_70b270a03bc512d5"] = 16,
    };

    private static readonly Dictionary<string, SplitResult> Results = new();

    private static SplitResult Split(string stem)
    {
        lock (Results)
        {
            if (!Results.TryGetValue(stem, out var result))
            {
                var article = new Article(stem, IngestionRepo.Seed(stem), File.ReadAllText(IngestionRepo.Seed(stem)));
                Results[stem] = result = new ParagraphSplitter(DropRules.Default).Split(article);
            }
            return result;
        }
    }

    public static TheoryData<string, int, string> SeedLines()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var (stem, tokens) in Expected)
        {
            var list = tokens.Split(' ');
            for (int i = 0; i < list.Length; i++) data.Add(stem, i + 1, list[i]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SeedLines))]
    public void Every_seed_line_gets_its_decision(string stem, int line, string expected)
    {
        var physical = File.ReadAllText(IngestionRepo.Seed(stem)).ReplaceLineEndings("\n").Split('\n');
        var text = physical[line - 1];
        var result = Split(stem);
        var kept = result.Kept.Where(p => p.Line == line).ToList();
        var dropped = result.Dropped.Where(d => d.Line == line).ToList();
        string actual = kept.Count == 1 && dropped.Count == 0 ? "K"
            : dropped.Count == 1 && kept.Count == 0 ? dropped[0].Reason
            : kept.Count == 0 && dropped.Count == 0 ? "-"
            : "several decisions";
        Assert.True(expected == actual, $"{stem} line {line} \"{text}\": expected {expected}, got {actual}");
        if (expected == "-") Assert.True(string.IsNullOrWhiteSpace(text));
    }

    [Fact]
    public void The_table_covers_every_physical_line()
    {
        foreach (var (stem, tokens) in Expected)
        {
            var text = File.ReadAllText(IngestionRepo.Seed(stem));
            int lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Length;
            Assert.True(tokens.Split(' ').Length == lines, $"{stem}: table has {tokens.Split(' ').Length} tokens for {lines} lines");
        }
        Assert.Equal(5, Directory.GetFiles(IngestionRepo.Seeds, "*.txt").Length);
    }

    [Fact]
    public void Kept_counts_and_ids_are_stable()
    {
        int total = 0;
        foreach (var (stem, count) in KeptCounts)
        {
            var first = Split(stem).Kept;
            var again = new ParagraphSplitter(DropRules.Default).Split(new Article(stem, "x", File.ReadAllText(IngestionRepo.Seed(stem)))).Kept;
            Assert.Equal(count, first.Count);
            Assert.Equal(first, again);
            for (int i = 0; i < first.Count; i++)
            {
                Assert.Equal($"{stem}:{i + 1}", first[i].Id);
                Assert.Equal(i + 1, first[i].Index);
                Assert.Equal(stem, first[i].Article);
            }
            total += count;
        }
        Assert.Equal(54, total);
    }

    [Fact]
    public void Geopost_signature_is_stripped_and_the_sentence_kept()
    {
        var last = Split("000_1deae2b9cf06bcd4").Kept[^1];
        Assert.Equal(12, last.Line);
        Assert.Equal("Serbia, as in this case, has consistently been closer to Eastern than Western countries in shaping its policies.", last.Text);
    }

    [Fact]
    public void Display_text_keeps_original_characters()
    {
        var kept = Split("000_1deae2b9cf06bcd4").Kept;
        Assert.Contains(kept, p => p.Text.Contains("Vučić", StringComparison.Ordinal) && p.Text.Contains("Serbia’s", StringComparison.Ordinal));
    }

    [Fact]
    public void Dropped_lines_carry_rule_names_from_the_rules_file()
    {
        var names = DropRules.Default.Rules.Select(r => r.Name).ToHashSet();
        foreach (var stem in Expected.Keys)
            foreach (var d in Split(stem).Dropped)
                Assert.Contains(d.Rule, names);
    }

    [Fact]
    public void Reingesting_the_seeds_reproduces_the_committed_csv_byte_for_byte()
    {
        using var dir = new TempDir();
        var output = dir.File("paragraphs.csv");
        var run = CliRun.Trainer("ingest", IngestionRepo.Seeds, "--out", output);
        Assert.True(run.ExitCode == 0, run.ToString());
        var committed = File.ReadAllBytes(Path.Combine(IngestionRepo.Root, "data", "paragraphs.csv"));
        Assert.Equal(committed, File.ReadAllBytes(output));
    }
}
