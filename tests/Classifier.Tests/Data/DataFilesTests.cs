using System.Text.RegularExpressions;
using Classifier.Text.Csv;
using Classifier.Text.Datasets;
using Classifier.Text.Labels;
using Classifier.Text.Normalization;

namespace Classifier.Tests.Data;

/// <summary>The committed gold labels and synthetic supplement: shape, label validity, balance and no leakage from the seeds.</summary>
public class DataFilesTests
{
    private const int LeakWindow = 12;

    private static readonly LabelledCsvOptions Options = new(["text"], [LabelSchema.StanceColumn, LabelSchema.TopicColumn]);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Classifier.sln"))) return dir.FullName;
        throw new InvalidOperationException("Classifier.sln not found above " + AppContext.BaseDirectory);
    }

    private static string DataFile(string name) => Path.Combine(RepoRoot(), "data", name);

    private static LabelledDataset Gold() => LabelledCsvReader.Read(DataFile("labels.csv"), Options);

    private static LabelledDataset Supplement() => LabelledCsvReader.Read(DataFile("supplement.csv"), Options with { TrainOnly = true });

    private static List<string[]> Rows(string path, params string[] columns)
    {
        using var table = CsvTable.Open(path);
        var index = columns.Select(table.ColumnIndex).ToArray();
        var rows = new List<string[]>();
        foreach (var record in table.Records()) rows.Add(Array.ConvertAll(index, i => record[i]));
        return rows;
    }

    [Fact]
    public void Gold_has_54_rows_with_unique_ids_and_codebook_labels()
    {
        var gold = Gold();
        Assert.Equal(54, gold.Count);
        Assert.Equal(gold.Count, gold.Ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(gold.LabelsOf(0), s => Assert.Contains(s, LabelSchema.Stances));
        Assert.All(gold.LabelsOf(1), t => Assert.Contains(t, LabelSchema.Topics));
        Assert.Equal(["pro-serbia", "pro-kosovo", "neutral"], LabelSchema.Stances.Where(s => gold.LabelsOf(0).Contains(s)));
    }

    [Fact]
    public void Gold_columns_and_ids_follow_the_paragraph_segmentation()
    {
        var path = DataFile("labels.csv");
        using (var table = CsvTable.Open(path))
            Assert.Equal(["id", "article", "text", "stance", "topic", "annotator", "note"], table.Columns);
        var rows = Rows(path, "id", "article", "text", "annotator");
        var perArticle = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var n = perArticle[row[1]] = perArticle.GetValueOrDefault(row[1]) + 1;
            Assert.Equal($"{row[1]}:{n}", row[0]);
            Assert.Equal("gold-1", row[3]);
            Assert.Equal(row[2].Trim(), row[2]);
            var seed = File.ReadAllText(Path.Combine(RepoRoot(), "seeds", row[1] + ".txt"));
            Assert.Contains(row[2], seed);
        }
        Assert.Equal(new Dictionary<string, int>
        {
            ["000_1deae2b9cf06bcd4"] = 11, ["001_549934a47970b721"] = 7, ["002_4ea2a2ccf18530da"] = 10,
            ["003_73df04759b344adc"] = 10, ["004_70b270a03bc512d5"] = 16,
        }, perArticle);
    }

    [Fact]
    public void Gold_agrees_with_ingested_paragraphs()
    {
        var paragraphs = DataFile("paragraphs.csv");
        Assert.True(File.Exists(paragraphs), $"{paragraphs} is committed (made by `trainer ingest seeds --out data/paragraphs.csv`) and must be there");
        var ingested = Rows(paragraphs, "id", "text").ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
        var gold = Rows(DataFile("labels.csv"), "id", "text");
        Assert.Equal(ingested.Keys.Order(StringComparer.Ordinal), gold.Select(r => r[0]).Order(StringComparer.Ordinal));
        foreach (var row in gold) Assert.Equal(ingested[row[0]], row[1]);
    }

    [Fact]
    public void Supplement_is_large_balanced_synthetic_and_uses_every_topic()
    {
        var supplement = Supplement();
        Assert.True(supplement.Count >= 300, $"{supplement.Count} rows");
        Assert.Equal(supplement.Count, supplement.Ids.Distinct(StringComparer.Ordinal).Count());
        var stances = supplement.LabelsOf(0);
        foreach (var stance in LabelSchema.Stances)
        {
            int count = stances.Count(s => s == stance);
            Assert.True(count >= 80, $"{stance}: {count} rows");
        }
        var topics = supplement.LabelsOf(1);
        foreach (var topic in LabelSchema.Topics) Assert.Contains(topic, topics);
        Assert.All(supplement.TrainOnly, Assert.True);

        var rows = Rows(DataFile("supplement.csv"), "id", "source");
        Assert.All(rows, r => Assert.Equal("synthetic", r[1]));
        Assert.All(rows, r => Assert.Matches(@"^syn-\d{4}$", r[0]));
    }

    [Fact]
    public void No_supplement_paragraph_shares_a_12_word_window_with_a_seed_paragraph()
    {
        var seedWindows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in Gold().Texts) seedWindows.UnionWith(Windows(text));
        Assert.NotEmpty(seedWindows);
        var leaks = new List<string>();
        var supplement = Supplement();
        for (int i = 0; i < supplement.Count; i++)
            foreach (var window in Windows(supplement.Texts[i]))
                if (seedWindows.Contains(window)) leaks.Add($"{supplement.Ids[i]}: \"{window}\"");
        Assert.Empty(leaks);
    }

    private static readonly string[] HardCases =
    [
        "quote-unanswered", "quote-answered", "hedged-aside", "allied-support", "bare-meeting", "loaded-in-quote", "loaded-narrator",
        "both-sides-calm", "one-sided-history", "neutral-history", "headline", "selection-of-facts", "mixed", "not-about-dispute", "scare-quotes",
    ];

    private static readonly string[] Styles = ["serbian-state", "russian-chinese-state", "kosovo-albanian", "regional", "wire", "western"];

    private static List<string[]> ArticleRows(string folder = "articles")
    {
        var rows = new List<string[]>();
        foreach (var path in Directory.GetFiles(DataFile(folder), "*.csv").Order(StringComparer.Ordinal))
        {
            using (var table = CsvTable.Open(path))
                Assert.Equal(["id", "article", "outlet_style", "hard_case", "text", "stance", "topic", "source"], table.Columns);
            rows.AddRange(Rows(path, "id", "article", "outlet_style", "hard_case", "text", "stance", "topic", "source"));
        }
        return rows;
    }

    [Fact]
    public void The_article_supplement_is_large_whole_articles_with_every_cell_and_a_quarter_hard_cases()
    {
        var rows = ArticleRows();
        Assert.True(rows.Count >= 2500, $"{rows.Count} article paragraphs");
        AssertWholeLabelledArticles(rows, "articles");
        Assert.All(Styles, s => Assert.Contains(rows, r => r[2] == s));
        foreach (var stance in LabelSchema.Stances)
            foreach (var topic in LabelSchema.Topics)
                if (topic != "other" || stance == "neutral")
                    Assert.True(rows.Count(r => r[5] == stance && r[6] == topic) >= 20, $"{stance} x {topic}");
        Assert.True(rows.Count(r => r[3].Length > 0) >= rows.Count / 4, "hard cases");
    }

    [Theory]
    [InlineData("articles-2")]
    [InlineData("articles-3")]
    [InlineData("articles-4")]
    [InlineData("articles-5")]
    [InlineData("articles-6")]
    public void A_later_article_batch_is_whole_labelled_articles_that_share_no_12_word_window_with_a_seed(string folder)
    {
        var rows = ArticleRows(folder);
        Assert.NotEmpty(rows);
        AssertWholeLabelledArticles(rows, folder);
        Assert.Empty(SeedWindowLeaks(rows));
    }

    /// <summary>Ids number each article's paragraphs in order, 5 to 10 of them; the columns hold codebook values.</summary>
    private static void AssertWholeLabelledArticles(List<string[]> rows, string folder)
    {
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct(StringComparer.Ordinal).Count());
        var perArticle = new Dictionary<string, int>();
        foreach (var r in rows)
        {
            int n = perArticle[r[1]] = perArticle.GetValueOrDefault(r[1]) + 1;
            Assert.Equal($"{r[1]}:{n}", r[0]);
            Assert.Contains(r[2], Styles);
            Assert.True(r[3].Length == 0 || HardCases.Contains(r[3]), $"{r[0]}: hard_case '{r[3]}'");
            Assert.Contains(r[5], LabelSchema.Stances);
            Assert.Contains(r[6], LabelSchema.Topics);
            Assert.Equal("synthetic", r[7]);
            if (r[6] == "other") Assert.Equal("neutral", r[5]); // codebook step 1
        }
        Assert.All(perArticle.Values, n => Assert.InRange(n, 5, 10));
        // The files load as training data (labels checked against the codebook by the reader).
        foreach (var path in Directory.GetFiles(DataFile(folder), "*.csv"))
            Assert.All(LabelledCsvReader.Read(path, Options with { TrainOnly = true }).TrainOnly, Assert.True);
    }

    private static List<string> SeedWindowLeaks(List<string[]> rows)
    {
        var seedWindows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in Gold().Texts) seedWindows.UnionWith(Windows(text));
        return rows.SelectMany(r => Windows(r[4]).Where(seedWindows.Contains).Select(w => $"{r[0]}: \"{w}\"")).ToList();
    }

    [Fact]
    public void No_article_paragraph_shares_a_12_word_window_with_a_seed_paragraph()
    {
        Assert.Empty(SeedWindowLeaks(ArticleRows()));
    }

    [Fact]
    public void The_audit_files_label_the_same_ids_and_cover_all_gold_rows()
    {
        var first = Rows(DataFile("audit/first.csv"), "id", "stance", "topic");
        var second = Rows(DataFile("audit/second.csv"), "id", "stance", "topic");
        Assert.Equal(first.Select(r => r[0]), second.Select(r => r[0]));
        Assert.Equal(354, first.Count);
        Assert.Subset(first.Select(r => r[0]).ToHashSet(), Gold().Ids.ToHashSet());
        var articleIds = ArticleRows().Select(r => r[0]).ToHashSet();
        Assert.Equal(300, first.Count(r => articleIds.Contains(r[0])));
    }

    [Theory]
    [InlineData("batch2", "articles-2")]
    [InlineData("batch5", "articles-5")]
    public void A_whole_batch_audit_labels_every_row_of_its_batch_once_in_each_file(string audit, string folder)
    {
        var ids = ArticleRows(folder).Select(r => r[0]).Order(StringComparer.Ordinal).ToList();
        foreach (var side in new[] { "first", "second" })
        {
            var labelled = Rows(DataFile($"audit/{audit}-{side}.csv"), "id", "stance", "topic").Select(r => r[0]).ToList();
            Assert.Equal(ids, labelled.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("batch3-adjudicated.csv", "articles-3")]
    [InlineData("batch4-serbian-adjudicated.csv", "articles-4")]
    [InlineData("batch4-kosovo-wire-adjudicated.csv", "articles-4")]
    [InlineData("batch5-adjudicated.csv", "articles-5")]
    public void The_settled_audit_labels_are_the_labels_the_article_files_hold(string adjudicated, string folder)
    {
        var settled = Rows(DataFile("audit/" + adjudicated), "id", "stance", "topic");
        Assert.NotEmpty(settled);
        var held = ArticleRows(folder).ToDictionary(r => r[0], r => (r[5], r[6]), StringComparer.Ordinal);
        Assert.All(settled, r => Assert.Equal((r[1], r[2]), held[r[0]]));
    }

    /// <summary>Word windows over normalised text, so a copy cannot hide behind folded diacritics or curly quotes.</summary>
    private static IEnumerable<string> Windows(string text)
    {
        var words = Regex.Matches(TextNormalizer.Normalize(text), @"[\p{L}\p{N}]+").Select(m => m.Value).ToArray();
        for (int i = 0; i + LeakWindow <= words.Length; i++) yield return string.Join(' ', words, i, LeakWindow);
    }
}
