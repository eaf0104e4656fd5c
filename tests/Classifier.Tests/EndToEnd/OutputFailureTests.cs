using Classifier.Tests.Labelling;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.EndToEnd;

/// <summary>Real processes whose standard streams point at a full disk (/dev/full): exit 5 for output, never a crash for diagnostics.</summary>
public sealed class OutputFailureTests
{
    private const string Full = "/dev/full";
    private static readonly string Model = Path.Combine(Repo.Root, "models", "default.zip");
    private static readonly string Seeds = Path.Combine(Repo.Root, "seeds");

    [Fact]
    public void Predictor_csv_to_a_full_disk_exits_5_with_the_reason()
    {
        if (!File.Exists(Full)) return;
        var run = CliProcess.Run("predictor", ["--model", Model, "--format", "csv", Seeds], stdoutFile: Full);
        Assert.True(run.ExitCode == ExitCodes.OutputError, run.ToString());
        Assert.Contains("predictor: cannot write output: standard output: no space left on device", run.Error);
        Assert.DoesNotContain("bug", run.Error);
    }

    [Fact]
    public void Trainer_help_ingest_and_agreement_to_a_full_disk_exit_5()
    {
        if (!File.Exists(Full)) return;
        using var dir = new TempDir();
        var labels = Path.Combine(Repo.Root, "data", "labels.csv");
        string[][] commands = [["--help"], ["ingest", Seeds, "--out", dir.File("p.csv")], ["agreement", labels, labels]];
        foreach (var args in commands)
        {
            var run = CliProcess.Run("trainer", args, stdoutFile: Full);
            Assert.True(run.ExitCode == ExitCodes.OutputError, string.Join(' ', args) + "\n" + run);
            Assert.Contains("no space left on device", run.Error);
        }
    }

    [Fact]
    public void A_full_standard_error_never_aborts_the_process()
    {
        if (!File.Exists(Full)) return;
        Assert.Equal(ExitCodes.UsageError, CliProcess.Run("predictor", ["--format", "xml"], stderrFile: Full).ExitCode);
        Assert.Equal(ExitCodes.InputError, CliProcess.Run("predictor", ["--model", Model, "/nonexistent/article.txt"], stderrFile: Full).ExitCode);
    }

    [Fact]
    public void Train_with_a_full_standard_error_still_saves_its_model()
    {
        if (!File.Exists(Full)) return;
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var model = dir.File("m.zip");
        var run = CliProcess.Run("trainer", ["train", "--data", data, "--model", model, "--trainer", "nb", "--cv", "3"], stderrFile: Full);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(model));
        Assert.Contains("Saved", run.Output);
    }

    [Fact]
    public void A_failing_error_writer_in_process_is_ignored_and_the_exit_code_kept()
    {
        int code = Classifier.Predictor.Program.Run(["--top-k"], new StringWriter(), new FailingWriter(), new StringReader(""));
        Assert.Equal(ExitCodes.UsageError, code);
    }

    [Fact]
    public void A_failing_output_writer_in_process_is_an_output_error()
    {
        var error = new StringWriter();
        int code = Classifier.Predictor.Program.Run(["--model", Model, "--format", "jsonl", Seeds], new FailingWriter(), error, new StringReader(""));
        Assert.True(code == ExitCodes.OutputError, error.ToString());
        Assert.Contains("cannot write output: standard output: no space left on device", error.ToString());
    }

    /// <summary>A stream on a full disk.</summary>
    private sealed class FailingWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void Write(char value) => throw new IOException("No space left on device");
        public override void Write(string? value) => throw new IOException("No space left on device");
        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");
    }
}
