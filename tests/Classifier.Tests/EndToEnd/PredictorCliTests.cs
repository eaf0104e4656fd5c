using System.Text.Json;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.EndToEnd;

public sealed class PredictorCliTests : IClassFixture<PredictorCliTests.TrainedModel>
{
    private readonly TrainedModel _model;

    public PredictorCliTests(TrainedModel model) => _model = model;

    /// <summary>One model trained once for the whole class (training is the slow part).</summary>
    public sealed class TrainedModel : IDisposable
    {
        public TrainedModel()
        {
            var data = Dir.Write("data.csv", Fixtures.StanceCsv());
            var run = CliRun.Trainer("train", "--data", data, "--model", Path, "--trainer", "sdca", "--cv", "none");
            if (run.ExitCode != 0) throw new InvalidOperationException(run.ToString());
            Articles = Dir.File("articles");
            Directory.CreateDirectory(Articles);
            File.WriteAllText(System.IO.Path.Combine(Articles, "a-serbia.txt"), Fixtures.Article("pro-serbia"));
            File.WriteAllText(System.IO.Path.Combine(Articles, "b-kosovo.txt"), Fixtures.Article("pro-kosovo"));
        }

        public TempDir Dir { get; } = new();
        public string Path => Dir.File("m.zip");
        public string Articles { get; }

        public void Dispose() => Dir.Dispose();
    }

    [Fact]
    public void Jsonl_gives_one_article_per_line_with_slant_and_paragraphs()
    {
        var run = CliRun.Predictor(["--model", _model.Path, "--format", "jsonl", "--top-k", "2", _model.Articles]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var serbia = JsonDocument.Parse(lines[0]);
        var a = serbia.RootElement;
        Assert.Equal("a-serbia", a.GetProperty("article").GetString());
        Assert.True(a.GetProperty("slant").GetDouble() > 0.2, lines[0]);
        var paragraphs = a.GetProperty("paragraphs");
        Assert.Equal(a.GetProperty("paragraphCount").GetInt32(), paragraphs.GetArrayLength());
        var stance = paragraphs[1].GetProperty("stance");
        Assert.Equal(2, stance.GetProperty("top").GetArrayLength());
        Assert.InRange(stance.GetProperty("confidence").GetDouble(), 0, 1);
        double sum = 0;
        foreach (var d in a.GetProperty("distribution").GetProperty("stance").EnumerateObject()) sum += d.Value.GetDouble();
        Assert.Equal(1.0, sum, 2);
        using var kosovo = JsonDocument.Parse(lines[1]);
        Assert.True(kosovo.RootElement.GetProperty("slant").GetDouble() < -0.2, lines[1]);
    }

    [Fact]
    public void Many_articles_are_written_in_input_order_across_scoring_chunks()
    {
        // 150 articles: more than two of the predictor's 64-article chunks, scored in parallel, alternating the two
        // fixtures so any reordering shows in the slant signs.
        var csv = new System.Text.StringBuilder("id,text\n");
        for (int i = 0; i < 150; i++)
            csv.Append($"a{i:D3},\"{Fixtures.Article(i % 2 == 0 ? "pro-serbia" : "pro-kosovo").Replace("\"", "\"\"")}\"\n");
        var path = _model.Dir.Write("many.csv", csv.ToString());
        var run = CliRun.Predictor(["--model", _model.Path, "--format", "jsonl", "--id-col", "id", path]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(150, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            Assert.Equal($"a{i:D3}", doc.RootElement.GetProperty("article").GetString());
            double slant = doc.RootElement.GetProperty("slant").GetDouble();
            Assert.True(i % 2 == 0 ? slant > 0.2 : slant < -0.2, lines[i]);
        }
    }

    [Theory]
    [InlineData("jsonl", 1)]
    [InlineData("jsonl", 100)]
    [InlineData("jsonl", 130)]
    [InlineData("csv", 70)]
    public void The_articles_before_a_bad_input_are_written_in_order_before_the_error(string format, int bad)
    {
        // Scoring runs a chunk ahead of writing, and reading a chunk ahead of scoring; an unreadable article in any
        // chunk must still leave every article before it written, in order, and nothing after it.
        using var dir = new TempDir();
        var articles = dir.File("articles");
        Directory.CreateDirectory(articles);
        for (int i = 1; i <= 150; i++)
            File.WriteAllText(System.IO.Path.Combine(articles, $"a{i:D3}.txt"), i == bad ? "  \n" : Fixtures.Article(i % 2 == 0 ? "pro-serbia" : "pro-kosovo"));
        var run = CliRun.Predictor(["--model", _model.Path, "--format", format, articles]);
        Assert.True(run.ExitCode == ExitCodes.InputError, run.ToString());
        Assert.Contains($"a{bad:D3}.txt", run.Error);
        var written = new List<string>();
        if (format == "jsonl")
            foreach (var line in run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var doc = JsonDocument.Parse(line);
                written.Add(doc.RootElement.GetProperty("article").GetString()!);
            }
        else
            foreach (var line in run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
                if (written.Count == 0 || written[^1] != line[..line.IndexOf(',')]) written.Add(line[..line.IndexOf(',')]);
        Assert.Equal(Enumerable.Range(1, bad - 1).Select(i => $"a{i:D3}"), written);
    }

    [Fact]
    public void Paragraphs_without_words_get_no_label_and_do_not_count_in_the_article()
    {
        var article = Fixtures.Article("pro-serbia").Replace("\n\n", "\n***\n—\n12345\n");
        var withSymbols = CliRun.Predictor(["--model", _model.Path, "--format", "jsonl", "-"], article);
        var without = CliRun.Predictor(["--model", _model.Path, "--format", "jsonl", "-"], Fixtures.Article("pro-serbia"));
        Assert.True(withSymbols.ExitCode == 0, withSymbols.ToString());
        using var a = JsonDocument.Parse(withSymbols.Output);
        using var b = JsonDocument.Parse(without.Output);
        var texts = a.RootElement.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetProperty("text").GetString()).ToList();
        Assert.DoesNotContain("***", texts);
        Assert.DoesNotContain("—", texts);
        Assert.DoesNotContain("12345", texts);
        Assert.Equal(b.RootElement.GetProperty("paragraphCount").GetInt32(), a.RootElement.GetProperty("paragraphCount").GetInt32());
        Assert.Equal(b.RootElement.GetProperty("distribution").ToString(), a.RootElement.GetProperty("distribution").ToString());

        var onlySymbols = CliRun.Predictor(["--model", _model.Path, "--format", "jsonl", "-"], "***\n12345\n");
        Assert.True(onlySymbols.ExitCode == 0, onlySymbols.ToString());
        using var c = JsonDocument.Parse(onlySymbols.Output);
        Assert.Equal(0, c.RootElement.GetProperty("paragraphCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, c.RootElement.GetProperty("slant").ValueKind);
    }

    [Fact]
    public void Json_is_one_array_and_explain_lists_terms()
    {
        var run = CliRun.Predictor(["--model", _model.Path, "--format", "json", "--explain", _model.Articles]);
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Output);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        var explanation = doc.RootElement[0].GetProperty("paragraphs")[1].GetProperty("stance").GetProperty("explanation");
        Assert.True(explanation.GetArrayLength() > 0);
        Assert.False(string.IsNullOrEmpty(explanation[0].GetProperty("term").GetString()));
    }

    [Fact]
    public void Csv_has_a_row_per_paragraph_and_probability_columns()
    {
        var run = CliRun.Predictor(["--model", _model.Path, "--format", "csv", _model.Articles]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("article,id,index,stance,stance_confidence,stance_p_", lines[0]);
        Assert.EndsWith(",text", lines[0]);
        Assert.Equal(1 + 2 * 4, lines.Length);
    }

    [Fact]
    public void Table_and_standard_input_work()
    {
        var run = CliRun.Predictor(["--model", _model.Path, "-"], Fixtures.Article("neutral"));
        Assert.True(run.ExitCode == 0, run.ToString());
        // The article's cue words are all neutral ones and its topic cue is "police": the table must show that.
        var article = Assert.Single(TableOutput.Parse(run.Output));
        Assert.Equal(article.Paragraphs, article.Rows.Count);
        Assert.Equal("neutral", article.MainLabels["stance"]);
        Assert.StartsWith("security", article.MainLabels["topic"]);
        var cued = article.Rows.Where(row => row[3].Contains("restraint", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, cued.Count);
        Assert.All(cued, row => Assert.StartsWith("neutral ", row[1]));
        Assert.All(cued, row => Assert.StartsWith("security ", row[2]));
        Assert.InRange(double.Parse(article.Slant!, System.Globalization.CultureInfo.InvariantCulture), -0.5, 0.5);
    }

    [Fact]
    public void Corrupt_or_missing_model_is_a_model_error()
    {
        using var dir = new TempDir();
        var corrupt = dir.WriteBytes("bad.zip", [.. File.ReadAllBytes(_model.Path).Take(200)]);
        var run = CliRun.Predictor(["--model", corrupt, _model.Articles]);
        Assert.Equal(ExitCodes.ModelError, run.ExitCode);
        Assert.Contains("bad.zip", run.Error);

        var notAModel = dir.Write("notes.zip", "hello");
        Assert.Equal(ExitCodes.ModelError, CliRun.Predictor(["--model", notAModel, _model.Articles]).ExitCode);
    }

    [Fact]
    public void Unreadable_input_exits_non_zero_with_the_reason()
    {
        var run = CliRun.Predictor(["--model", _model.Path, "/nonexistent/article.txt"]);
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("/nonexistent/article.txt", run.Error);
    }
}
