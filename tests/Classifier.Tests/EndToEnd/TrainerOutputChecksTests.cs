using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.EndToEnd;

/// <summary>Outputs are checked before training, a late report failure keeps the model, and degenerate folds are refused.</summary>
public sealed class TrainerOutputChecksTests
{
    [Fact]
    public void An_unwritable_report_directory_is_refused_before_training()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var blocker = dir.Write("plain-file", "x"); // a directory cannot be made under a file, even as root
        var model = dir.File("m.zip");
        var run = CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "nb", "--cv", "3", "--report", Path.Combine(blocker, "report"));
        Assert.Equal(ExitCodes.OutputError, run.ExitCode);
        Assert.Contains("nothing was trained", run.Error);
        Assert.DoesNotContain("Loaded", run.Error);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void An_unwritable_model_path_is_refused_before_training()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var blocker = dir.Write("plain-file", "x");
        var run = CliRun.Trainer("train", "--data", data, "--model", Path.Combine(blocker, "m.zip"), "--trainer", "nb", "--cv", "3");
        Assert.Equal(ExitCodes.OutputError, run.ExitCode);
        Assert.DoesNotContain("Loaded", run.Error);

        var asDirectory = CliRun.Trainer("train", "--data", data, "--model", dir.Path, "--trainer", "nb", "--cv", "3");
        Assert.Equal(ExitCodes.OutputError, asDirectory.ExitCode);
        Assert.Contains("is a directory", asDirectory.Error);
    }

    [Fact]
    public void A_report_that_fails_after_training_keeps_the_model_and_says_so()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var report = dir.File("report");
        Directory.CreateDirectory(Path.Combine(report, "report.md")); // the directory is writable; this one entry is not
        var model = dir.File("m.zip");
        var run = CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "nb", "--cv", "3", "--report", report);
        Assert.Equal(ExitCodes.OutputError, run.ExitCode);
        Assert.Contains($"the model was saved to {model}", run.Error);
        Assert.True(File.Exists(model));
    }

    [Fact]
    public void A_report_without_cross_validation_is_a_usage_error()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var run = CliRun.Trainer("train", "--data", data, "--model", dir.File("m.zip"), "--trainer", "nb", "--cv", "none", "--report", dir.File("r"));
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("trainer evaluate", run.Error);
        Assert.False(Directory.Exists(dir.File("r")));
    }

    [Fact]
    public void Leave_one_group_out_with_one_article_is_refused()
    {
        using var dir = new TempDir();
        var data = dir.Write("one.csv", "id,article,text,stance\n1,a,Kurti spoke,pro-kosovo\n2,a,Vucic spoke,pro-serbia\n3,a,talks resumed,neutral\n");
        var run = CliRun.Trainer("train", "--data", data, "--label-col", "stance", "--model", dir.File("m.zip"), "--trainer", "nb", "--cv", "logo");
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("at least two groups", run.Error);
        Assert.False(File.Exists(dir.File("m.zip")));
    }

    [Fact]
    public void A_fold_whose_training_rows_have_no_label_for_a_head_is_refused()
    {
        using var dir = new TempDir();
        // Only article c has topic labels: its fold would train the topic head on nothing.
        var data = dir.Write("d.csv", "id,article,text,stance,topic\n" +
            "1,a,Kurti spoke,pro-kosovo,\n2,a,Vucic spoke,pro-serbia,\n3,b,talks resumed,neutral,\n4,b,Kurti again,pro-kosovo,\n" +
            "5,c,Vucic again,pro-serbia,security\n6,c,more talks,neutral,dialogue\n");
        var run = CliRun.Trainer("train", "--data", data, "--model", dir.File("m.zip"), "--trainer", "nb", "--cv", "logo");
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("no training row with a 'topic' label", run.Error);
    }
}
