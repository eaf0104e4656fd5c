using Classifier.Cli;
using Classifier.Predictor;
using Classifier.Tests.Labelling;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.EndToEnd;

/// <summary>What a wrong command line gets: exit 2 for bad values and typos (with the nearest name), clear file errors.</summary>
public sealed class CommandLineTests
{
    private static readonly string Model = Path.Combine(Repo.Root, "models", "default.zip");
    private static readonly string Seeds = Path.Combine(Repo.Root, "seeds");

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Top_k_below_one_is_a_usage_error(string k)
    {
        var run = CliRun.Predictor(["--model", Model, "--top-k", k, Seeds]);
        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains($"--top-k must be at least 1, not {k}", run.Error);
    }

    [Fact]
    public void A_zero_regex_timeout_and_a_negative_retrain_interval_are_usage_errors()
    {
        using var dir = new TempDir();
        var rules = Path.Combine(Repo.Root, "data", "rules.json");
        var paragraphs = Path.Combine(Repo.Root, "data", "paragraphs.csv");
        var timeout = CliRun.Trainer("autolabel", "--rules", rules, "--in", paragraphs, "--out", dir.File("w.csv"), "--regex-timeout", "0");
        Assert.True(timeout.ExitCode == ExitCodes.UsageError, timeout.ToString());
        Assert.Contains("--regex-timeout must be at least 1", timeout.Error);

        var retrain = CliRun.Trainer("label", "--in", paragraphs, "--labels", dir.File("l.csv"), "--keys", "-", "--retrain-every", "-3");
        Assert.True(retrain.ExitCode == ExitCodes.UsageError, retrain.ToString());
        Assert.Contains("--retrain-every must be at least 0, not -3", retrain.Error);
        Assert.False(File.Exists(dir.File("l.csv")));
    }

    [Fact]
    public void A_missing_default_model_is_a_model_error()
    {
        using var dir = new TempDir();
        var missing = Assert.Throws<ModelFileException>(() => ModelLocator.Resolve(null, null, [dir.Path]));
        Assert.Contains("--model", missing.Message);
        Assert.Equal(ExitCodes.ModelError, ErrorReporter.Run("predictor", () => { ModelLocator.Resolve(null, null, [dir.Path]); return 0; }, new StringWriter()));
    }

    [Fact]
    public void A_directory_given_as_a_file_says_it_is_a_directory()
    {
        using var dir = new TempDir();
        var folder = dir.File("folder");
        Directory.CreateDirectory(folder);
        var labels = Path.Combine(Repo.Root, "data", "labels.csv");
        CliRun[] runs =
        [
            CliRun.Trainer("train", "--data", folder, "--model", dir.File("m.zip")),
            CliRun.Trainer("autolabel", "--rules", folder, "--in", labels, "--out", dir.File("w.csv")),
            CliRun.Trainer("agreement", folder, labels),
            CliRun.Trainer("evaluate", "--model", Model, "--data", folder),
            CliRun.Trainer("label", "--in", Path.Combine(Repo.Root, "data", "paragraphs.csv"), "--labels", dir.File("l.csv"), "--keys", folder),
        ];
        foreach (var run in runs)
        {
            Assert.True(run.ExitCode == ExitCodes.InputError, run.ToString());
            Assert.Contains($"{folder}: is a directory, not a file", run.Error);
        }
    }

    [Fact]
    public void A_mistyped_command_or_option_suggests_the_nearest_one()
    {
        var command = CliRun.Trainer("trian", "--data", "x.csv");
        Assert.Equal(ExitCodes.UsageError, command.ExitCode);
        Assert.Contains("'trian': did you mean 'train'?", command.Error);

        var option = CliRun.Trainer("train", "--dat", "x.csv", "--model", "m.zip");
        Assert.Equal(ExitCodes.UsageError, option.ExitCode);
        Assert.Contains("did you mean '--data'?", option.Error);

        var predictor = CliRun.Predictor(["--formt", "csv", Seeds]);
        Assert.True(predictor.ExitCode == ExitCodes.UsageError, predictor.ToString());
        Assert.Contains("unknown option '--formt': did you mean '--format'?", predictor.Error);
    }

    [Theory]
    [InlineData("trian", "train", 1)]
    [InlineData("--fromat", "--format", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_counts_swaps_as_one_edit(string a, string b, int expected) =>
        Assert.Equal(expected, Classifier.Cli.Suggestions.Distance(a, b));
}
