using System.IO.Compression;
using Classifier.Engine.Persistence;
using Classifier.Engine.Pipeline;
using Classifier.MlNet;
using Classifier.Tests.Support;
using Classifier.Text.Datasets;
using Classifier.Text.Diagnostics;
using Microsoft.ML;

namespace Classifier.Tests.MlNet;

/// <summary>ML.NET pipelines train, save, load and score as heads of our models, beside our own engine.</summary>
public sealed class MlNetEngineTests
{
    private static LabelledDataset Data(TempDir dir, int articles = 12) =>
        LabelledCsvReader.Read(dir.Write("d.csv", Fixtures.StanceCsv(articles)), new LabelledCsvOptions(["text"], ["stance", "topic"]) { GroupColumn = "article" });

    [Theory]
    [InlineData("mlnet-sdca")]
    [InlineData("mlnet-lbfgs")]
    [InlineData("mlnet-svm")]
    [InlineData("mlnet-fasttree")]
    [InlineData("mlnet-lightgbm")]
    public void Each_mlnet_trainer_learns_the_signal_and_survives_a_save_and_load(string trainer)
    {
        using var dir = new TempDir();
        var data = Data(dir);
        var settings = trainer.Contains("tree") || trainer.Contains("lightgbm") ? new Dictionary<string, string> { ["trees"] = "20", ["min-leaf"] = "2" } : new Dictionary<string, string>();
        var model = PipelineTrainer.Fit(data, new PipelineOptions { Trainer = trainer, TrainerSettings = settings });
        Assert.All(model.Heads, h => Assert.IsType<MlNetModel>(h.Model));
        Assert.All(model.Heads, h => Assert.Equal(trainer, h.Trainer));

        int right = 0;
        for (int i = 0; i < data.Count; i++)
        {
            var p = model.Predict(data.Texts[i]);
            Assert.Equal(1f, p[0].Probabilities.Sum(), 3);
            if (p[0].Label == data.Labels[i][0]) right++;
        }
        Assert.True(right >= data.Count * 0.8, $"{trainer} got {right} of {data.Count} training rows right");

        var path = dir.File("m.zip");
        ModelFile.Save(path, model);
        var loaded = ModelFile.Load(path);
        for (int i = 0; i < 10; i++)
            Assert.Equal(model.Predict(data.Texts[i])[1].Probabilities, loaded.Predict(data.Texts[i])[1].Probabilities);
        Assert.Equal(trainer, ModelFile.ReadManifest(path).Heads[0].Trainer);
    }

    [Fact]
    public void The_head_entry_is_a_plain_mlnet_model_with_the_label_names()
    {
        using var dir = new TempDir();
        var data = Data(dir);
        var model = PipelineTrainer.Fit(data, new PipelineOptions { Trainer = "mlnet-sdca" });
        var path = dir.File("m.zip");
        ModelFile.Save(path, model);
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry("head-0.zip");
        Assert.NotNull(entry);
        using var stream = new MemoryStream();
        using (var s = entry.Open()) s.CopyTo(stream);
        stream.Position = 0;

        var ml = new MLContext();
        var transformer = ml.Model.Load(stream, out var schema);
        Assert.NotNull(schema.GetColumnOrNull("Text"));
        var engine = ml.Model.CreatePredictionEngine<MlNetInput, MlNetOutput>(transformer);
        var prediction = engine.Predict(new MlNetInput { Text = data.Texts[0] });
        Assert.Equal(data.Labels[0][0], prediction.PredictedLabel);
        Assert.Equal(3, prediction.Score.Length);
    }

    [Fact]
    public void The_same_seed_gives_the_same_model()
    {
        using var dir = new TempDir();
        var data = Data(dir);
        var a = PipelineTrainer.Fit(data, new PipelineOptions { Trainer = "mlnet-sdca", Seed = 5 });
        var b = PipelineTrainer.Fit(data, new PipelineOptions { Trainer = "mlnet-sdca", Seed = 5 });
        for (int i = 0; i < data.Count; i++) Assert.Equal(a.Predict(data.Texts[i])[0].Probabilities, b.Predict(data.Texts[i])[0].Probabilities);
    }

    [Fact]
    public void One_model_shared_by_many_threads_predicts_as_it_does_sequentially()
    {
        using var dir = new TempDir();
        var data = Data(dir);
        var model = PipelineTrainer.Fit(data, new PipelineOptions { Trainer = "mlnet-lbfgs" });
        var texts = Enumerable.Range(0, 400).Select(i => data.Texts[i % data.Count] + (i % 7 == 0 ? " extra words" : "")).ToArray();
        var sequential = texts.Select(t => model.Predict(t)[0].Probabilities).ToArray();
        var parallel = new float[texts.Length][];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = model.Predict(texts[i])[0].Probabilities);
        for (int i = 0; i < texts.Length; i++) Assert.Equal(sequential[i], parallel[i]);
        var batch = model.PredictAll(texts);
        for (int i = 0; i < texts.Length; i++) Assert.Equal(sequential[i], batch[i][0].Probabilities);
    }

    [Fact]
    public void Heads_from_both_engines_live_in_one_model()
    {
        using var dir = new TempDir();
        var data = Data(dir);
        var model = PipelineTrainer.Fit(data, new PipelineOptions
        {
            Trainer = "sdca",
            HeadTrainers = new Dictionary<string, TrainerCandidate> { ["topic"] = new("mlnet-svm", new Dictionary<string, string>()) },
        });
        Assert.IsType<MlNetModel>(model.Head("topic")!.Model);
        Assert.IsNotType<MlNetModel>(model.Head("stance")!.Model);
        var path = dir.File("m.zip");
        ModelFile.Save(path, model);
        var loaded = ModelFile.Load(path);
        Assert.Equal(model.Predict(data.Texts[3])[1].Probabilities, loaded.Predict(data.Texts[3])[1].Probabilities);
        Assert.Throws<InvalidOperationException>(() => model.Predict(model.Featurizer.Transform(data.Texts[3])));
    }

    [Fact]
    public void Bytes_that_are_not_an_mlnet_model_are_invalid_data()
    {
        var ex = Assert.Throws<InvalidDataException>(() => MlNetModel.FromBytes([1, 2, 3, 4]));
        Assert.Contains("not a loadable ML.NET model", ex.Message);
    }

    [Fact]
    public void Trainer_cli_trains_an_mlnet_model_that_the_predictor_scores()
    {
        using var dir = new TempDir();
        var data = dir.Write("d.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        var train = CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "mlnet-sdca", "--cv", "3");
        Assert.True(train.ExitCode == 0, train.ToString());
        var predict = CliRun.Predictor(["--model", model, "--format", "jsonl", "-"], "The officials said sovereignty and separatist aggression in belgrade.\n");
        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.Contains("pro-serbia", predict.Output);

        var bad = CliRun.Trainer("train", "--data", data, "--model", dir.File("n.zip"), "--trainer", "mlnet-sdca", "--set", "l2=0");
        Assert.Equal(ExitCodes.UsageError, bad.ExitCode);
        Assert.Contains("setting 'l2' must be", bad.Error);
    }

    [Fact]
    public void Auto_candidates_span_both_engines_cheapest_first_and_slow_ones_only_on_request()
    {
        var defaults = AutoSelector.DefaultCandidates.Select(c => c.Trainer).ToList();
        Assert.Contains("mlnet-svm", defaults);
        Assert.Contains("svm", defaults);
        Assert.DoesNotContain("mlnet-fasttree", defaults);
        Assert.True(defaults.IndexOf("svm") < defaults.IndexOf("mlnet-svm"), string.Join(", ", defaults));
        Assert.DoesNotContain("lbfgs", defaults);
        var all = AutoSelector.AllCandidates.Select(c => c.Trainer).ToList();
        Assert.Contains("lbfgs", all);
        Assert.Equal("mlnet-fasttree", all[^1]);
        Assert.Equal(["mlnet-svm", "nb", "nb"], AutoSelector.Parse("mlnet-svm, nb").Select(c => c.Trainer).Order(StringComparer.Ordinal));
        Assert.Throws<UsageException>(() => AutoSelector.Parse("mlnet-nothing"));
    }

    [Fact]
    public void Auto_with_named_candidates_can_choose_an_mlnet_pipeline()
    {
        using var dir = new TempDir();
        var data = dir.Write("d.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        var run = CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "auto", "--candidates", "mlnet-svm,mlnet-sdca", "--cv", "3");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("ml.net", run.Error);
        Assert.All(ModelFile.Load(model).Heads, h => Assert.StartsWith("mlnet-", h.Trainer));
        var misuse = CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "svm", "--candidates", "all");
        Assert.Equal(ExitCodes.UsageError, misuse.ExitCode);
    }

    [Theory]
    [InlineData("mlnet-sdca")]
    [InlineData("mlnet-svm")]
    [InlineData("mlnet-fasttree")]
    [InlineData("mlnet-lightgbm")]
    public void A_class_missing_from_a_training_fold_gets_a_probability_and_no_crash(string trainer)
    {
        using var dir = new TempDir();
        var data = Data(dir);
        var labelSets = PipelineTrainer.LabelSets(data);
        // Leave out every pro-kosovo row, as a cross-validation fold may when a class is rare.
        var rows = Enumerable.Range(0, data.Count).Where(i => data.Labels[i][0] != "pro-kosovo").ToArray();
        var settings = trainer.Contains("tree") || trainer.Contains("lightgbm") ? new Dictionary<string, string> { ["trees"] = "10", ["min-leaf"] = "2" } : new Dictionary<string, string>();
        var model = PipelineTrainer.Fit(data, rows, labelSets, new PipelineOptions { Trainer = trainer, TrainerSettings = settings });
        var p = model.Predict(data.Texts[0])[0];
        Assert.Equal(3, p.Probabilities.Length);
        Assert.Equal(1f, p.Probabilities.Sum(), 3);
        Assert.NotEqual("pro-kosovo", model.Predict(data.Texts[rows[0]])[0].Label);
    }

    [Fact]
    public void A_maximum_entropy_head_explains_by_named_ngrams_and_trees_say_they_cannot()
    {
        using var dir = new TempDir();
        var data = Data(dir);
        var model = PipelineTrainer.Fit(data, new PipelineOptions
        {
            Trainer = "mlnet-lbfgs",
            HeadTrainers = new Dictionary<string, TrainerCandidate> { ["topic"] = new("mlnet-fasttree", new Dictionary<string, string> { ["trees"] = "5", ["min-leaf"] = "2" }) },
        });
        const string text = "The officials said sovereignty and separatist aggression in belgrade.";
        var terms = model.Explain(text, 0, "pro-serbia", top: 5);
        Assert.NotEmpty(terms);
        Assert.All(terms, t => Assert.Equal("word", t.Kind));
        Assert.Contains(terms, t => t.Kind == "word" && (t.Term.Contains("sovereignty") || t.Term.Contains("separatist") || t.Term.Contains("aggression") || t.Term.Contains("belgrade")));
        Assert.True(terms[0].Contribution > 0, string.Join("; ", terms));
        for (int i = 1; i < terms.Count; i++) Assert.True(MathF.Abs(terms[i - 1].Contribution) >= MathF.Abs(terms[i].Contribution));
        Assert.False(((MlNetModel)model.Head("topic")!.Model).CanExplain);
        Assert.Empty(model.Explain(text, 1, "security"));
    }

    [Fact]
    public void A_one_versus_all_svm_head_explains_by_each_class_binary_weights()
    {
        using var dir = new TempDir();
        var data = Data(dir);
        var model = PipelineTrainer.Fit(data, new PipelineOptions { Trainer = "mlnet-svm" });
        Assert.True(((MlNetModel)model.Head("stance")!.Model).CanExplain);
        const string text = "The officials said sovereignty and separatist aggression in belgrade.";
        var forSerbia = model.Explain(text, 0, "pro-serbia", top: 50);
        Assert.NotEmpty(forSerbia);
        bool Marker(string term) => term.Contains("sovereignty") || term.Contains("separatist") || term.Contains("aggression");
        var serbiaMarkers = forSerbia.Where(t => t.Kind == "word" && Marker(t.Term)).ToList();
        Assert.NotEmpty(serbiaMarkers);
        Assert.All(serbiaMarkers, t => Assert.True(t.Contribution > 0, t.ToString()));
        // The same words weigh against pro-kosovo in its own binary model.
        var forKosovo = model.Explain(text, 0, "pro-kosovo", top: 50).Where(t => t.Kind == "word" && Marker(t.Term)).ToList();
        Assert.NotEmpty(forKosovo);
        Assert.Contains(forKosovo, t => t.Contribution < 0);
    }
}
