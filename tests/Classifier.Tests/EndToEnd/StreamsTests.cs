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
        if (!Pty.Available) return;
        var (exited, screen) = Pty.Run($"exec dotnet {Dll("predictor")} --model {Model} -", "Officials said both sides must show restraint and keep talking.");
        Assert.True(exited, screen);
        Assert.Contains("neutral", screen);
    }

    [Fact]
    public void With_results_redirected_a_terminal_sees_the_progress_of_predictor_and_autolabel()
    {
        if (!Pty.Available) return;
        using var dir = new TempDir();
        var (predicted, predictorScreen) = Pty.Run($"exec dotnet {Dll("predictor")} --model {Model} {Seeds} > {dir.File("out.txt")}");
        Assert.True(predicted, predictorScreen);
        Assert.Contains("predicting: ", predictorScreen);
        Assert.Contains("paragraphs", predictorScreen);
        Assert.Contains("slant", File.ReadAllText(dir.File("out.txt")));

        var rules = Path.Combine(Repo.Root, "data", "rules.json");
        var paragraphs = Path.Combine(Repo.Root, "data", "paragraphs.csv");
        var (labelled, autolabelScreen) = Pty.Run($"exec dotnet {Dll("trainer")} autolabel --rules {rules} --in {paragraphs} --out {dir.File("w.csv")} > {dir.File("summary.txt")}");
        Assert.True(labelled, autolabelScreen);
        Assert.Contains("labelling: ", autolabelScreen);
    }

    private static string Dll(string program) => Path.Combine(AppContext.BaseDirectory, program + ".dll");

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

}
