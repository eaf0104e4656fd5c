using Classifier.Engine.Persistence;
using Classifier.MlNet;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Classifier.Tests.MlNet;

/// <summary>Exported ML.NET heads load in plain ML.NET; ML.NET models made elsewhere score through our tools.</summary>
public sealed class MlNetExportTests
{
    private const string Serbian = "The officials said sovereignty and separatist aggression in belgrade would protect.";

    [Fact]
    public void An_exported_head_loads_and_predicts_in_plain_mlnet_code_as_the_readme_shows()
    {
        using var dir = new TempDir();
        var data = dir.Write("d.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        Assert.Equal(0, CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "mlnet-svm", "--cv", "none").ExitCode);
        var export = CliRun.Trainer("export", "--model", model, "--mlnet", dir.File("out"));
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Contains(Path.Combine(dir.File("out"), "stance.zip"), export.Output);

        var prediction = ScoreWithMlNet.Run(Path.Combine(dir.File("out"), "topic.zip"), "police troops gunmen said on monday");
        Assert.Equal("security", prediction.PredictedLabel);
        Assert.Equal(2, prediction.Score.Length);
        Assert.Equal("pro-serbia", ScoreWithMlNet.Run(Path.Combine(dir.File("out"), "stance.zip"), Serbian).PredictedLabel);

        // The exported file is itself a model the predictor scores (a foreign ML.NET model, one head).
        var scored = CliRun.Predictor(["--model", Path.Combine(dir.File("out"), "stance.zip"), "--format", "jsonl", "-"], Serbian + "\n");
        Assert.True(scored.ExitCode == 0, scored.ToString());
        Assert.Contains("pro-serbia", scored.Output);
    }

    [Fact]
    public void The_readme_shows_the_compiled_snippet()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Classifier.sln"))) root = Path.GetDirectoryName(root)!;
        var source = File.ReadAllText(Path.Combine(root, "tests", "Classifier.Tests", "MlNet", "ReadmeMlNetSnippet.cs"));
        int start = source.IndexOf("// README-SNIPPET-START\n", StringComparison.Ordinal) + "// README-SNIPPET-START\n".Length;
        var snippet = source[start..source.IndexOf("// README-SNIPPET-END", StringComparison.Ordinal)].Replace("namespace Classifier.Tests.MlNet;\n\n", "");
        Assert.Contains("```csharp\n" + snippet + "```", File.ReadAllText(Path.Combine(root, "README.md")));
    }

    [Fact]
    public void Our_own_heads_are_not_exported_and_nothing_is_written()
    {
        using var dir = new TempDir();
        var data = dir.Write("d.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        Assert.Equal(0, CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "svm", "--cv", "none").ExitCode);
        var export = CliRun.Trainer("export", "--model", model, "--mlnet", dir.File("out"));
        Assert.Equal(ExitCodes.InputError, export.ExitCode);
        Assert.Contains("head 'stance' (trainer svm)", export.Error);
        Assert.Contains("--trainer mlnet-svm", export.Error);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void A_head_that_pools_sentences_is_not_exported_but_the_others_are()
    {
        using var dir = new TempDir();
        var data = dir.Write("d.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        var train = CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "mlnet-svm", "--cv", "none", "--sentence-pooling", "stance");
        Assert.True(train.ExitCode == 0, train.ToString());
        var export = CliRun.Trainer("export", "--model", model, "--mlnet", dir.File("out"));
        Assert.Equal(ExitCodes.InputError, export.ExitCode);
        Assert.Contains("head 'stance'", export.Error);
        Assert.Contains("--sentence-pooling", export.Error);
        Assert.False(Directory.Exists(dir.File("out")));
        var topic = CliRun.Trainer("export", "--model", model, "--mlnet", dir.File("out"), "--head", "topic");
        Assert.True(topic.ExitCode == 0, topic.ToString());
        Assert.True(File.Exists(Path.Combine(dir.File("out"), "topic.zip")));
    }

    /// <summary>A model as plain ML.NET code (or Model Builder) makes it: its own column names, MapValueToKey in the chain.</summary>
    private static string ForeignModel(TempDir dir, bool regression = false)
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 60).Select(i => new Review
        {
            SentimentText = i % 2 == 0 ? $"great wonderful lovely film number {i}" : $"awful boring terrible film number {i}",
            Label = i % 2 == 0 ? "good" : "bad",
            Rating = i % 2,
        }).ToList();
        var view = ml.Data.LoadFromEnumerable(rows);
        ITransformer model = regression
            ? ml.Transforms.Text.FeaturizeText("Features", nameof(Review.SentimentText)).Append(ml.Regression.Trainers.Sdca(nameof(Review.Rating))).Fit(view)
            : ml.Transforms.Conversion.MapValueToKey("Label")
                .Append(ml.Transforms.Text.FeaturizeText("Features", nameof(Review.SentimentText)))
                .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
                .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")).Fit(view);
        var path = dir.File(regression ? "regression.zip" : "foreign.zip");
        ml.Model.Save(model, view.Schema, path);
        return path;
    }

    private sealed class Review
    {
        public string SentimentText { get; set; } = "";
        public string Label { get; set; } = "";
        public float Rating { get; set; }
    }

    [Fact]
    public void The_predictor_scores_an_mlnet_model_made_with_plain_mlnet_code()
    {
        using var dir = new TempDir();
        var path = ForeignModel(dir);
        var model = ModelFile.Load(path);
        var head = Assert.Single(model.Heads);
        Assert.Equal(["good", "bad"], head.Labels);
        Assert.Equal("good", model.Predict("a wonderful lovely film")[0].Label);
        Assert.Equal("bad", model.Predict("a boring terrible film")[0].Label);

        var run = CliRun.Predictor(["--model", path, "--format", "jsonl", "-"], "an awful boring film\n");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("\"bad\"", run.Output);
    }

    [Fact]
    public void An_mlnet_model_of_the_wrong_kind_is_refused_with_the_schema_it_has()
    {
        using var dir = new TempDir();
        var run = CliRun.Predictor(["--model", ForeignModel(dir, regression: true), "-"], "text\n");
        Assert.Equal(ExitCodes.ModelError, run.ExitCode);
        Assert.Contains("cannot score", run.Error);
        Assert.Contains("Score (Single)", run.Error);
    }

    [Fact]
    public void A_truncated_mlnet_model_is_a_model_error()
    {
        using var dir = new TempDir();
        var path = ForeignModel(dir);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var run = CliRun.Predictor(["--model", path, "-"], "text\n");
        Assert.Equal(ExitCodes.ModelError, run.ExitCode);
        Assert.DoesNotContain("internal error", run.Error);
    }

    [Fact]
    public void A_tampered_mlnet_head_inside_our_model_is_a_model_error_naming_the_entry()
    {
        using var dir = new TempDir();
        var data = dir.Write("d.csv", Fixtures.StanceCsv(articles: 6));
        var model = dir.File("m.zip");
        var fit = CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "mlnet-sdca", "--set", "iterations=5", "--cv", "none");
        Assert.True(fit.ExitCode == 0, fit.ToString());
        using (var zip = System.IO.Compression.ZipFile.Open(model, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith("head-", StringComparison.Ordinal) && e.FullName.EndsWith(".zip", StringComparison.Ordinal));
            var name = entry.FullName;
            byte[] bytes;
            using (var read = entry.Open()) { using var copy = new MemoryStream(); read.CopyTo(copy); bytes = copy.ToArray(); }
            bytes[bytes.Length / 2] ^= 0x5A;
            entry.Delete();
            using var write = zip.CreateEntry(name).Open();
            write.Write(bytes);
        }
        var run = CliRun.Predictor(["--model", model, "-"], "text\n");
        Assert.Equal(ExitCodes.ModelError, run.ExitCode);
        Assert.Contains("head-", run.Error);
        Assert.DoesNotContain("internal error", run.Error);
    }

    [Fact]
    public void Evaluate_scores_a_model_with_mlnet_heads_and_writes_its_report()
    {
        using var dir = new TempDir();
        var data = dir.Write("d.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        Assert.Equal(0, CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "mlnet-sdca", "--cv", "none").ExitCode);
        var held = dir.Write("held.csv", Fixtures.StanceCsv(articles: 4, seed: 9));
        var run = CliRun.Trainer("evaluate", "--model", model, "--data", held, "--report", dir.File("report"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(dir.File("report"), "metrics.json")));
        Assert.Contains("stance", run.Output);
    }
}
