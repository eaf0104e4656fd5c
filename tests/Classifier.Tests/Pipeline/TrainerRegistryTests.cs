using Classifier.Engine.Pipeline;
using Classifier.Engine.Trainers;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.Pipeline;

/// <summary>Trainers register their settings with ranges; bad values are usage errors before any data is read.</summary>
public sealed class TrainerRegistryTests
{
    [Theory]
    [InlineData("sdca", "l2=0")]
    [InlineData("sdca", "iterations=2.5")]
    [InlineData("svm", "c=0")]
    [InlineData("nb", "alpha=-1")]
    [InlineData("fasttree", "leaves=1")]
    [InlineData("fasttree", "learning-rate=0")]
    [InlineData("lbfgs", "l2=NaN")]
    public void Out_of_range_settings_exit_2_before_the_data_is_read(string trainer, string setting)
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var run = CliRun.Trainer("train", "--data", data, "--model", dir.File("m.zip"), "--trainer", trainer, "--set", setting, "--cv", "3");
        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains($"setting '{setting.Split('=')[0]}' must be", run.Error);
        Assert.DoesNotContain("Loaded", run.Error);
    }

    [Fact]
    public void An_unknown_setting_lists_the_settings_with_their_ranges()
    {
        var ex = Assert.Throws<UsageException>(() => TrainerFactory.Validate("svm", new Dictionary<string, string> { ["alpha"] = "1" }));
        Assert.Contains("c (a number above 0 and at most 1000000)", ex.Hint);
        Assert.Equal(2.0, TrainerFactory.Validate("fasttree", new Dictionary<string, string> { ["leaves"] = "2" })["leaves"]);
    }

    [Fact]
    public void A_registered_trainer_trains_through_the_pipeline_with_its_settings_checked()
    {
        TrainerFactory.Register(new TrainerDefinition("test-nb", "naive Bayes under another name, to prove the seam",
            [new TrainerSetting("alpha", false, 0, true, 10, "smoothing")],
            (_, s) => new NaiveBayesTrainer(new NaiveBayesOptions { Alpha = (float)(s.TryGetValue("alpha", out var a) ? a : 1) })));
        Assert.Contains("test-nb", TrainerFactory.Names);
        using var dir = new TempDir();
        var data = Classifier.Text.Datasets.LabelledCsvReader.Read(dir.Write("d.csv", Fixtures.StanceCsv()),
            new Classifier.Text.Datasets.LabelledCsvOptions(["text"], ["stance"]));
        var model = PipelineTrainer.Fit(data, new PipelineOptions { Trainer = "test-nb", TrainerSettings = new Dictionary<string, string> { ["alpha"] = "0.5" } });
        Assert.IsType<Classifier.Engine.Models.NaiveBayesModel>(model.Heads[0].Model);
        Assert.Throws<UsageException>(() => TrainerFactory.Create("test-nb", 1, new Dictionary<string, string> { ["alpha"] = "20" }));
    }
}
