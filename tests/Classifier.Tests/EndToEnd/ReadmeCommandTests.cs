using System.Globalization;
using Classifier.Engine.Persistence;
using Classifier.Engine.Pipeline;
using Classifier.Tests.Labelling;
using Classifier.Tests.Support;
using Classifier.Text.Ingestion;

namespace Classifier.Tests.EndToEnd;

/// <summary>The README's main job, as a user runs it: <c>predictor seeds</c> with the committed models/default.zip.</summary>
public sealed class ReadmeCommandTests
{
    [Fact]
    public void Predictor_seeds_with_the_default_model_shows_the_models_predictions_for_every_paragraph()
    {
        var seeds = Path.Combine(Repo.Root, "seeds");
        // No --model: the README's command finds models/default.zip from the working directory.
        var run = CliProcess.Run("predictor", ["seeds"], workingDirectory: Repo.Root);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);

        var model = ModelFile.Load(Path.Combine(Repo.Root, "models", "default.zip"));
        var splitter = new ParagraphSplitter(DropRules.Default);
        var expected = ArticleReader.Read([seeds], "text", null, TextReader.Null, _ => { }).ToList();
        var tables = TableOutput.Parse(run.Output);
        Assert.Equal(expected.Select(a => a.Id), tables.Select(t => t.Article));
        Assert.Equal(5, tables.Count);
        for (int a = 0; a < expected.Count; a++)
        {
            var texts = splitter.Split(expected[a]).Kept.Select(p => p.Text).ToArray();
            var predictions = model.PredictAll(texts);
            var table = tables[a];
            Assert.Equal(texts.Length, table.Paragraphs);
            Assert.Equal(texts.Length, table.Rows.Count);
            for (int p = 0; p < texts.Length; p++)
                for (int h = 0; h < model.Heads.Count; h++)
                    Assert.Equal(Inv($"{predictions[p][h].Label} {predictions[p][h].Confidence:0.00}"), table.Rows[p][1 + h]);
            var summary = ArticleScorer.Summarize(expected[a].Id, model.Heads, predictions);
            Assert.Equal(Inv($"{summary.Slant!.Value:+0.00;-0.00;0.00}"), table.Slant);
            foreach (var head in model.Heads)
                Assert.Equal(string.Join(", ", summary.MainLabels[head.Name]), table.MainLabels[head.Name]);
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
