using System.Text.Json;
using Classifier.Engine.Pipeline;
using Classifier.Scoring;
using Classifier.Scoring.Output;
using Classifier.Tests.Support;
using Classifier.Text.Datasets;

namespace Classifier.Tests.Scoring;

/// <summary>The jsonl writer reuses one buffer for every line; each line must be what a fresh writer writes.</summary>
public sealed class JsonResultWriterTests
{
    /// <summary>A two-head (stance, topic) naive Bayes model on the fixture data.</summary>
    private static ArticleScoringService Scoring()
    {
        using var dir = new TempDir();
        var data = LabelledCsvReader.Read(dir.Write("d.csv", Fixtures.StanceCsv()), new LabelledCsvOptions(["text"], ["stance", "topic"]));
        return new ArticleScoringService(PipelineTrainer.Fit(data, new PipelineOptions { Trainer = "nb" }));
    }

    [Fact]
    public void Every_jsonl_line_is_the_line_a_fresh_writer_writes_for_that_article_alone()
    {
        var scoring = Scoring();
        var options = new ScoringOptions(2, Explain: false, ExplainTerms: 0);
        // Short, long (past the buffers' first size), short again, non-ASCII, and long with an explanation.
        var articles = new[]
        {
            scoring.ScoreText("Troops left.", options, "a"),
            scoring.ScoreArticle(new Text.Ingestion.Article("b", "b.txt", Fixtures.Article("pro-serbia", paragraphs: 40)), options),
            scoring.ScoreText("Calm.", options, "c"),
            scoring.ScoreText("Vučić i Kurti, Priština — „dijalog“ «stalled» ‘again’.", options, "d"),
            scoring.ScoreArticle(new Text.Ingestion.Article("e", "e.txt", Fixtures.Article("pro-kosovo", paragraphs: 12)), options with { Explain = true, ExplainTerms = 3 }),
        };
        var together = new StringWriter();
        using (var writer = new JsonResultWriter(together, lines: true, topK: 2, scoring.Heads))
            foreach (var a in articles) writer.Write(a);
        var expected = new List<string>();
        foreach (var a in articles)
        {
            var alone = new StringWriter();
            using (var writer = new JsonResultWriter(alone, lines: true, topK: 2, scoring.Heads)) writer.Write(a);
            expected.Add(alone.ToString());
        }
        Assert.Equal(string.Concat(expected), together.ToString());
        var lines = together.ToString().Split(together.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["a", "b", "c", "d", "e"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("article").GetString()));
        Assert.True(articles[1].Paragraphs.Count > 30);
        Assert.Equal(articles[1].Paragraphs.Count, JsonDocument.Parse(lines[1]).RootElement.GetProperty("paragraphCount").GetInt32());
        Assert.Contains("Vučić", JsonDocument.Parse(lines[3]).RootElement.GetProperty("paragraphs")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void An_article_that_fails_half_way_leaves_nothing_in_the_next_line()
    {
        var scoring = Scoring();
        var good = scoring.ScoreText("Troops left the north.", ScoringOptions.Default, "good");
        // One head's prediction for a two-head model: the writer throws inside the paragraph, after it began the line.
        var broken = good with { Article = "broken", Paragraphs = [good.Paragraphs[0] with { Predictions = [good.Paragraphs[0].Predictions[0]] }] };
        var output = new StringWriter();
        using var writer = new JsonResultWriter(output, lines: true, topK: 1, scoring.Heads);
        Assert.ThrowsAny<Exception>(() => writer.Write(broken));
        writer.Write(good);
        var alone = new StringWriter();
        using (var fresh = new JsonResultWriter(alone, lines: true, topK: 1, scoring.Heads)) fresh.Write(good);
        Assert.Equal(alone.ToString(), output.ToString());
    }
}
