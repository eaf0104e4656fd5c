using System.Diagnostics;
using Classifier.Tests.Labelling;
using Classifier.Tests.Support;
using Classifier.Text.Labelling;

namespace Classifier.Tests.EndToEnd;

/// <summary>Results on standard output, diagnostics on standard error, and terminals treated as terminals.</summary>
public sealed class StreamsTests
{
    private static readonly string Model = Path.Combine(Repo.Root, "models", "default.zip");
    private static readonly string Seeds = Path.Combine(Repo.Root, "seeds");

    [Fact]
    public void Evaluate_prints_its_figures_on_standard_output_and_warnings_on_standard_error()
    {
        using var dir = new TempDir();
        // Only a stance column: the missing topic head is a warning, the stance figures the result.
        var lines = Fixtures.StanceCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var data = dir.Write("stance.csv", string.Concat(lines.Select(l => l[..l.LastIndexOf(',')] + "\n")));

        var run = CliRun.Trainer("evaluate", "--model", Model, "--data", data, "--report", dir.File("eval"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("macro-F1", run.Output);
        Assert.Contains("stance: per class", run.Output);
        Assert.Contains("Report: ", run.Output);
        Assert.DoesNotContain("macro-F1", run.Error);
        Assert.Contains("no 'topic' column", run.Error);
        Assert.DoesNotContain("no 'topic' column", run.Output);
    }

    [Fact]
    public void Piped_tables_take_their_width_from_COLUMNS()
    {
        var narrow = CliProcess.Run("predictor", ["--model", Model, Seeds], environment: new Dictionary<string, string?> { ["COLUMNS"] = "72" });
        Assert.True(narrow.ExitCode == 0, narrow.ToString());
        Assert.Equal(72, Widest(narrow.Output));

        var unset = CliProcess.Run("predictor", ["--model", Model, Seeds], environment: new Dictionary<string, string?> { ["COLUMNS"] = null });
        Assert.Equal(Classifier.Cli.Ui.RedirectedWidth, Widest(unset.Output));
        Assert.Equal(Classifier.Cli.Ui.RedirectedWidth, Classifier.Cli.Ui.Width("not a number"));
    }

    [Fact]
    public void Standard_input_on_a_terminal_ends_at_the_first_ctrl_d()
    {
        if (OperatingSystem.IsWindows() || !OnPath("python3")) return;
        var dll = Path.Combine(AppContext.BaseDirectory, "predictor.dll");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-c", PtyScript, "dotnet", dll, "--model", Model, "-" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        // The script types a paragraph and one Ctrl-D, and gives up (STILL RUNNING) if the predictor keeps waiting.
        Assert.True(output.Contains("EXITED 0", StringComparison.Ordinal), output);
        Assert.Contains("restraint", output[output.IndexOf("EXITED", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void The_weak_labeller_reports_progress_up_to_every_row()
    {
        var rules = RuleSet.Load(Path.Combine(Repo.Root, "data", "rules.json"));
        int n = WeakLabeller.ProgressEvery * 2 + 7;
        var ids = Enumerable.Range(0, n).Select(i => $"p{i}").ToArray();
        var texts = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? "KFOR troops patrolled the north." : "The EU-facilitated dialogue resumed in Brussels.").ToArray();
        var reported = new List<int>();

        WeakLabeller.Run(rules, ids, texts, rowsDone: reported.Add);

        Assert.Equal([WeakLabeller.ProgressEvery, WeakLabeller.ProgressEvery * 2, n], reported);
    }

    private static int Widest(string output) => output.Split('\n').Max(l => l.TrimEnd('\r').Length);

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, program)));

    /// <summary>Runs the command on a pseudo-terminal, types a line and a single Ctrl-D, and says whether it exited.</summary>
    private const string PtyScript = """
        import os, pty, sys, time, select
        pid, fd = pty.fork()
        if pid == 0:
            os.execvp(sys.argv[1], sys.argv[1:])
        out = b""
        def pump(seconds):
            global out
            end = time.time() + seconds
            while time.time() < end:
                ready, _, _ = select.select([fd], [], [], 0.1)
                if ready:
                    try: out += os.read(fd, 65536)
                    except OSError: return
        pump(2.0)  # let the program start reading before typing
        os.write(fd, b"Officials said both sides must show restraint and keep talking.\n")
        pump(0.5)
        os.write(fd, b"\x04")
        deadline = time.time() + 60
        while time.time() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                pump(0.2)
                print("EXITED", os.waitstatus_to_exitcode(status))
                print(out.decode(errors="replace"))
                sys.exit(0)
            pump(0.2)
        os.kill(pid, 9)
        print("STILL RUNNING")
        print(out.decode(errors="replace"))
        """;
}
