using System.Text.Json;
using Classifier.Engine.Persistence;
using Classifier.Engine.Pipeline;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.EndToEnd;

public class TrainerCliTests
{
    [Fact]
    public void Train_with_cv_writes_model_and_reports_with_stable_schema()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        var report = dir.File("report");
        var run = CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "nb", "--cv", "3", "--report", report);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(model));
        Assert.True(File.Exists(Path.Combine(report, "report.md")));
        var html = File.ReadAllText(Path.Combine(report, "report.html"));
        Assert.Contains("<svg", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http://cdn", html);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "metrics.json")));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var heads = root.GetProperty("heads");
        Assert.Equal(2, heads.GetArrayLength());
        var stance = heads[0];
        Assert.Equal("stance", stance.GetProperty("name").GetString());
        Assert.Equal(72, stance.GetProperty("rows").GetInt32());
        Assert.InRange(stance.GetProperty("macroF1").GetDouble(), 0.8, 1.0);
        Assert.Equal(3, stance.GetProperty("confusionMatrix").GetProperty("counts").GetArrayLength());
        Assert.True(stance.GetProperty("fAvg").GetProperty("value").GetDouble() > 0.8);
        Assert.Equal(JsonValueKind.Null, heads[1].GetProperty("fAvg").ValueKind);
        foreach (var name in new[] { "microAccuracy", "macroAccuracy", "logLoss", "logLossReduction", "topKAccuracy", "kappa", "perClass", "confidentMistakes",
            "macroPrecision", "macroRecall", "weightedF1" })
            Assert.True(stance.TryGetProperty(name, out _), name);
        var interval = stance.GetProperty("macroF1Interval");
        Assert.InRange(stance.GetProperty("macroF1").GetDouble(), interval.GetProperty("low").GetDouble(), interval.GetProperty("high").GetDouble());
        Assert.Equal(1000, interval.GetProperty("resamples").GetInt32());
    }

    [Fact]
    public void Auto_runs_every_candidate_by_default_and_saves_the_choice_it_prints()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        var run = CliRun.Trainer("train", "--data", data, "--label-col", "stance", "--model", model, "--trainer", "auto", "--cv", "3");
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var candidate in AutoSelector.DefaultCandidates) Assert.Contains(candidate.ToString(), run.Error);
        Assert.Contains("ml.net", run.Error); // the leaderboard's engine column
        Assert.DoesNotContain("budget stopped", run.Error);

        var saved = ModelFile.Load(model);
        var head = Assert.Single(saved.Heads);
        var printed = System.Text.RegularExpressions.Regex.Match(run.Error, @"Chose (\S+)[^\n]* for stance");
        Assert.True(printed.Success, run.Error);
        Assert.Equal(printed.Groups[1].Value, head.Trainer);
        var selection = Assert.IsType<SelectionInfo>(saved.Info.Selection);
        Assert.Null(selection.BudgetSeconds);
        Assert.Equal(AutoSelector.DefaultCandidates.Count, selection.Finished.Count);
        Assert.Empty(selection.Stopped);
    }

    [Fact]
    public void A_time_budget_that_stops_candidates_names_them_and_the_model_records_them()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        var run = CliRun.Trainer("train", "--data", data, "--label-col", "stance", "--model", model, "--trainer", "auto", "--cv", "3", "--time-budget", "1ms");
        Assert.True(run.ExitCode == 0, run.ToString());
        var selection = Assert.IsType<SelectionInfo>(ModelFile.Load(model).Info.Selection);
        Assert.Equal(0.001, selection.BudgetSeconds!.Value, 6);
        Assert.NotEmpty(selection.Stopped); // the first candidate always finishes; 1 ms cannot hold the other seven
        Assert.Equal(AutoSelector.DefaultCandidates.Count, selection.Finished.Count + selection.Stopped.Count);
        Assert.Contains("budget stopped", run.Error);
        var unwrapped = System.Text.RegularExpressions.Regex.Replace(run.Error, @"\s+", " "); // the warning wraps at the terminal width
        foreach (var stopped in selection.Stopped) Assert.Contains(stopped, unwrapped);
    }

    [Fact]
    public void Framing_options_train_a_model_the_predictor_and_evaluate_use()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        var rules = Path.Combine(Classifier.Tests.Labelling.Repo.Root, "data", "rules.json");
        var run = CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "svm", "--cv", "3",
            "--voice-ngrams", "--rule-features", rules, "--context-weight", "0.3");
        Assert.True(run.ExitCode == 0, run.ToString());
        var saved = ModelFile.Load(model);
        Assert.True(saved.Featurizer.Options.VoiceNgrams);
        Assert.NotNull(saved.Featurizer.Options.RuleFeatures);
        Assert.Equal(0.3f, saved.Featurizer.Options.ContextWeight);
        var article = dir.Write("a.txt", "Kurti said the police would stay.\n\nVučić called it “terror against Serbs”.\n");
        var predicted = CliRun.Predictor(["--model", model, "--format", "jsonl", article]);
        Assert.True(predicted.ExitCode == 0, predicted.ToString());
        Assert.Contains("\"stance\"", predicted.Output);
        Assert.Equal(0, CliRun.Trainer("evaluate", "--model", model, "--data", data).ExitCode);
        Assert.Equal(ExitCodes.UsageError, CliRun.Trainer("train", "--data", data, "--model", model, "--context-weight", "-1").ExitCode);
    }

    [Fact]
    public void Sentence_pooling_trains_into_the_model_and_bad_values_stop_before_training()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        var run = CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "sdca", "--cv", "3", "--sentence-pooling", "stance");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("sentence pooling for stance (background neutral)", run.Output);
        var saved = ModelFile.Load(model);
        Assert.Equal("neutral", saved.Head("stance")!.SentencePooling);
        Assert.Null(saved.Head("topic")!.SentencePooling);

        var other = dir.File("other.zip");
        var unknownHead = CliRun.Trainer("train", "--data", data, "--model", other, "--trainer", "sdca", "--cv", "none", "--sentence-pooling", "sentiment");
        Assert.Equal(ExitCodes.InputError, unknownHead.ExitCode);
        Assert.Contains("head 'sentiment'", unknownHead.Error);
        var unknownLabel = CliRun.Trainer("train", "--data", data, "--model", other, "--trainer", "sdca", "--cv", "none", "--sentence-pooling", "topic:neutral");
        Assert.Equal(ExitCodes.InputError, unknownLabel.ExitCode);
        Assert.Contains("background label 'neutral'", unknownLabel.Error);
        Assert.Equal(ExitCodes.UsageError, CliRun.Trainer("train", "--data", data, "--model", other, "--sentence-pooling", "stance:").ExitCode);
        Assert.Equal(ExitCodes.UsageError, CliRun.Trainer("train", "--data", data, "--model", other, "--sentence-pooling", "stance", "--sentence-pooling", "Stance").ExitCode);
        Assert.False(File.Exists(other));
    }

    [Fact]
    public void A_frame_lexicon_trains_into_the_model_and_a_bad_one_stops_before_training_naming_the_file()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        var frames = Path.Combine(Classifier.Tests.Labelling.Repo.Root, "data", "frames.json");
        var run = CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "sdca", "--cv", "none", "--frame-features", frames);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotNull(ModelFile.Load(model).Featurizer.Options.Frames);
        var article = dir.Write("a.txt", "The EU urged Kurti to halt the raids.\n");
        var explained = CliRun.Predictor(["--model", model, "--format", "json", "--explain", article]);
        Assert.True(explained.ExitCode == 0, explained.ToString());
        var bad = dir.Write("frames.json", "{ \"classes\": { \"side\": [\"x\"] } }");
        var other = dir.File("other.zip");
        var refused = CliRun.Trainer("train", "--data", data, "--model", other, "--frame-features", bad);
        Assert.Equal(ExitCodes.InputError, refused.ExitCode);
        Assert.Contains(bad, refused.Error);
        Assert.Contains("must start with '@'", refused.Error);
        Assert.False(File.Exists(other));
        Assert.Equal(ExitCodes.InputError, CliRun.Trainer("train", "--data", data, "--model", other, "--frame-features", dir.File("missing.json")).ExitCode);
    }

    [Fact]
    public void One_option_takes_several_files_as_a_shell_glob_gives_them()
    {
        using var dir = new TempDir();
        var gold = dir.Write("gold.csv", Fixtures.StanceCsv(articles: 6, seed: 1));
        var a = dir.Write("a.csv", Fixtures.StanceCsv(articles: 2, seed: 2));
        var b = dir.Write("b.csv", Fixtures.StanceCsv(articles: 2, seed: 3));
        var run = CliRun.Trainer("train", "--data", gold, "--train-only", a, b, "--model", dir.File("m.zip"), "--trainer", "nb", "--cv", "none");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Loaded 60 rows (24 train-only)", run.Error);
    }

    [Fact]
    public void Evaluate_warns_when_the_rows_are_the_models_training_data()
    {
        using var dir = new TempDir();
        var train = dir.Write("train.csv", Fixtures.StanceCsv(articles: 12, seed: 3));
        var other = dir.Write("other.csv", Fixtures.StanceCsv(articles: 4, seed: 99));
        var model = dir.File("m.zip");
        Assert.Equal(0, CliRun.Trainer("train", "--data", train, "--model", model, "--trainer", "nb", "--cv", "none").ExitCode);
        Assert.Equal(72, ModelFile.Load(model).Info.TrainingTextHashes.Length);

        var same = CliRun.Trainer("evaluate", "--model", model, "--data", train);
        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.Contains("all 72 rows", same.Error);
        Assert.Contains("training data", same.Error);

        var heldOut = CliRun.Trainer("evaluate", "--model", model, "--data", other);
        Assert.True(heldOut.ExitCode == 0, heldOut.ToString());
        Assert.DoesNotContain("training data", heldOut.Error);
    }

    [Fact]
    public void Evaluate_scores_a_model_and_rejects_unseen_labels()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        Assert.Equal(0, CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "sdca", "--cv", "none").ExitCode);

        var run = CliRun.Trainer("evaluate", "--model", model, "--data", data, "--report", dir.File("eval"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(dir.File("eval"), "metrics.json")));

        var unseen = dir.Write("unseen.csv", "id,text,stance,topic\n1,some text,pro-mars,security\n");
        var bad = CliRun.Trainer("evaluate", "--model", model, "--data", unseen);
        Assert.Equal(ExitCodes.InputError, bad.ExitCode);
        Assert.Contains("pro-mars", bad.Error);
        Assert.Contains("unseen.csv", bad.Error);
    }

    [Fact]
    public void Evaluate_scores_the_heads_the_file_has_and_names_the_others()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        Assert.Equal(0, CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "nb", "--cv", "none").ExitCode);
        var stanceOnly = string.Join('\n', File.ReadAllLines(data).Select(l => string.Join(',', l.Split(',')[..4]))) + "\n";
        var run = CliRun.Trainer("evaluate", "--model", model, "--data", dir.Write("stance.csv", stanceOnly), "--report", dir.File("eval"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("no 'topic' column", run.Error);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.File("eval"), "metrics.json")));
        var heads = json.RootElement.GetProperty("heads");
        Assert.Equal(1, heads.GetArrayLength());
        Assert.Equal("stance", heads[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Missing_column_lists_the_columns_that_exist()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var run = CliRun.Trainer("train", "--data", data, "--label-col", "sentiment", "--model", dir.File("m.zip"), "--trainer", "nb", "--cv", "none");
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("sentiment", run.Error);
        Assert.Contains("id, article, text, stance, topic", run.Error);
        Assert.False(File.Exists(dir.File("m.zip")));
    }

    [Fact]
    public void Single_class_and_empty_csv_are_clear_errors()
    {
        using var dir = new TempDir();
        var single = dir.Write("single.csv", "text,label\na b,x\nc d,x\n");
        var run = CliRun.Trainer("train", "--data", single, "--model", dir.File("m.zip"), "--trainer", "nb", "--cv", "none");
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("single class", run.Error);

        var empty = dir.WriteBytes("empty.csv", []);
        run = CliRun.Trainer("train", "--data", empty, "--label-col", "label", "--model", dir.File("m.zip"), "--cv", "none");
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("empty.csv", run.Error);
    }

    [Fact]
    public void Rows_with_empty_text_are_skipped_and_counted()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv() + "x:1,x,\"\",neutral,security\nx:2,x,   ,neutral,security\n");
        var run = CliRun.Trainer("train", "--data", data, "--model", dir.File("m.zip"), "--trainer", "nb", "--cv", "none");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("skipped 2 row(s) with empty text", run.Error);
    }

    [Fact]
    public void Unwritable_model_path_is_an_output_error()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var blocker = dir.Write("file", "not a directory");
        var run = CliRun.Trainer("train", "--data", data, "--model", Path.Combine(blocker, "m.zip"), "--trainer", "nb", "--cv", "none");
        Assert.Equal(ExitCodes.OutputError, run.ExitCode);
    }

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        var run = CliRun.Trainer("train", "--no-such-option");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
    }

    [Fact]
    public void Bad_weak_weight_and_unknown_setting_are_usage_errors_not_crashes()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var weight = CliRun.Trainer("train", "--data", data, "--model", dir.File("m.zip"), "--trainer", "nb", "--cv", "none", "--weak-weight", "-1");
        Assert.Equal(ExitCodes.UsageError, weight.ExitCode);
        Assert.Contains("--weak-weight", weight.Error);
        var setting = CliRun.Trainer("train", "--data", data, "--model", dir.File("m.zip"), "--trainer", "nb", "--cv", "none", "--set", "c=1");
        Assert.Equal(ExitCodes.UsageError, setting.ExitCode);
        Assert.Contains("alpha", setting.Error);
        Assert.False(File.Exists(dir.File("m.zip")));
    }

    [Fact]
    public void Explicit_class_weights_shift_predictions_and_unknown_labels_are_usage_errors()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var bad = CliRun.Trainer("train", "--data", data, "--model", dir.File("bad.zip"), "--trainer", "nb", "--cv", "none", "--class-weights", "pro-mars=2");
        Assert.Equal(ExitCodes.UsageError, bad.ExitCode);
        Assert.Contains("pro-mars", bad.Error);

        int Count(string weights, string label)
        {
            var model = dir.File($"m-{weights.GetHashCode():x}.zip");
            var run = CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "sdca", "--cv", "none", "--class-weights", weights);
            Assert.True(run.ExitCode == 0, run.ToString());
            var predicted = CliRun.Predictor(["--model", model, "--format", "csv", dir.Write("a.txt", "Officials met on monday; reporters waited.\n\nThe meeting ended without a statement.\n")]);
            return predicted.Output.Split('\n').Count(l => l.Contains($",{label},", StringComparison.Ordinal));
        }
        Assert.True(Count("pro-kosovo=1000", "pro-kosovo") >= Count("none", "pro-kosovo"));
        Assert.Equal(2, Count("pro-kosovo=1000", "pro-kosovo"));
    }
}
