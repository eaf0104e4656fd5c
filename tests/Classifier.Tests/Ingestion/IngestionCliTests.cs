using System.Text;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.Ingestion;

/// <summary><c>trainer ingest</c> end to end, through the same entry point as the executable.</summary>
public class IngestionCliTests
{
    private static CliRun Ingest(string? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Classifier.Trainer.Program.Run(["ingest", .. args], output, error, stdin is null ? null : new StringReader(stdin));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    private static string[] FilesIn(string dir) => Directory.GetFiles(dir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Ingests_the_seeds_and_reports_counts_by_reason()
    {
        using var dir = new TempDir();
        var output = dir.File("out/paragraphs.csv");
        var run = CliRun.Trainer("ingest", IngestionRepo.Seeds, "--out", output);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("kept 54 paragraphs, dropped 17", run.Output);
        Assert.Contains("8  site-furniture", run.Output);
        Assert.Contains("1  leaked-headline", run.Output);
        Assert.DoesNotContain("Hamas", run.Output);
        var lines = File.ReadAllLines(output);
        Assert.Equal("id,article,index,text", lines[0]);
        Assert.Equal(55, lines.Length);
        Assert.StartsWith("000_1deae2b9cf06bcd4:1,000_1deae2b9cf06bcd4,1,Serbia is trying", lines[1]);
    }

    [Fact]
    public void Explain_drops_lists_each_drop_with_article_line_reason_and_text()
    {
        using var dir = new TempDir();
        var run = CliRun.Trainer("ingest", IngestionRepo.Seeds, "--out", dir.File("p.csv"), "--explain-drops");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("002_4ea2a2ccf18530da:21  leaked-headline [leaked-headline]  Hamas-Israel hostage deal ‘close’ to approval", run.Output);
        Assert.Contains("004_70b270a03bc512d5:5  byline [byline]  By bne IntelliNews September 26, 2023", run.Output);
        Assert.Equal(17, run.Output.Split('\n').Count(l => l.StartsWith("  0", StringComparison.Ordinal)));
    }

    [Fact]
    public void Reads_standard_input_and_a_csv_of_articles()
    {
        using var dir = new TempDir();
        var csv = dir.Write("articles.csv", "key,body\nk1,\"Headline one\nPara one.\nNews\"\n");
        var output = dir.File("p.csv");
        var run = Ingest("Piped headline here\n\nPiped paragraph.\n", "-", csv, "--text-col", "body", "--id-col", "key", "--out", output);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "id,article,index,text\nstdin:1,stdin,1,Piped headline here\nstdin:2,stdin,2,Piped paragraph.\nk1:1,k1,1,Headline one\nk1:2,k1,2,Para one.\n",
            File.ReadAllText(output));
    }

    [Fact]
    public void A_missing_path_exits_3_and_writes_nothing()
    {
        using var dir = new TempDir();
        var output = dir.File("p.csv");
        var run = CliRun.Trainer("ingest", dir.File("missing.txt"), "--out", output);
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("missing.txt", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void An_error_midway_keeps_the_previous_output_and_leaves_no_temporary_file()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", "Headline of a\nA paragraph of prose.\n");
        dir.WriteBytes("in/b.txt", []);
        var output = dir.Write("p.csv", "previous contents\n");
        var run = CliRun.Trainer("ingest", dir.File("in"), "--out", output);
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("b.txt", run.Error);
        Assert.Contains("empty", run.Error);
        Assert.Equal("previous contents\n", File.ReadAllText(output));
        Assert.Equal(["p.csv"], FilesIn(dir.Path));
    }

    [Fact]
    public void A_malformed_csv_exits_3_naming_file_and_line()
    {
        using var dir = new TempDir();
        var csv = dir.Write("bad.csv", "id,text\na,\"fine.\"\nb,\"open quote\nc,x\n");
        var output = dir.File("p.csv");
        var run = CliRun.Trainer("ingest", csv, "--id-col", "id", "--out", output);
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("bad.csv:3", run.Error);
        Assert.False(File.Exists(output));
        Assert.Equal(["bad.csv"], FilesIn(dir.Path));
    }

    [Fact]
    public void A_binary_file_and_an_empty_directory_exit_3()
    {
        using var dir = new TempDir();
        var bin = dir.WriteBytes("x.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
        var run = CliRun.Trainer("ingest", bin, "--out", dir.File("p.csv"));
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("binary", run.Error);
        Directory.CreateDirectory(dir.File("nothing"));
        run = CliRun.Trainer("ingest", dir.File("nothing"), "--out", dir.File("p.csv"));
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("no .txt files", run.Error);
    }

    [Fact]
    public void Windows_1252_input_warns_and_still_ingests()
    {
        using var dir = new TempDir();
        var bytes = Encoding.ASCII.GetBytes("Headline about Pristina\nThe mayor of Zve?an resigned.\n");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xE8; // č is not in Windows-1252; 0xE8 is è
        var path = dir.WriteBytes("old.txt", bytes);
        var output = dir.File("p.csv");
        var run = CliRun.Trainer("ingest", path, "--out", output);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("warning", run.Error);
        Assert.Contains("old.txt", run.Error);
        Assert.Contains("Zveèan", File.ReadAllText(output));
    }

    [Fact]
    public void A_bad_drop_rules_file_exits_3_naming_it()
    {
        using var dir = new TempDir();
        var rules = dir.Write("rules.json", """{ "rules": [ { "name": "r1", "reason": "x", "kind": "regex", "pattern": "(", "rationale": "y" } ] }""");
        var run = CliRun.Trainer("ingest", IngestionRepo.Seeds, "--out", dir.File("p.csv"), "--drop-rules", rules);
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("rules.json", run.Error);
        Assert.Contains("r1", run.Error);
        Assert.False(File.Exists(dir.File("p.csv")));
    }

    [Fact]
    public void Extra_drop_rules_change_the_counts()
    {
        using var dir = new TempDir();
        var rules = dir.Write("rules.json", """{ "rules": [ { "name": "no-stoltenberg", "reason": "test", "kind": "regex", "pattern": "^According to Stoltenberg", "rationale": "test" } ] }""");
        var run = CliRun.Trainer("ingest", IngestionRepo.Seeds, "--out", dir.File("p.csv"), "--drop-rules", rules);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("kept 53 paragraphs, dropped 18", run.Output);
        Assert.Contains("1  test", run.Output);
    }

    [Fact]
    public void A_drop_rule_that_times_out_stops_the_run_naming_the_rule_and_the_line()
    {
        using var dir = new TempDir();
        // (a+)+$ backtracks exponentially on a run of a's that does not end the line.
        var rules = dir.Write("rules.json", """{ "rules": [ { "name": "catastrophic", "reason": "x", "kind": "regex", "pattern": "^(a+)+$", "timeoutMs": 5, "rationale": "y" } ] }""");
        var input = dir.Write("page.txt", "A first paragraph of prose.\n" + new string('a', 40) + "!\nA last paragraph of prose.\n");
        var output = dir.File("p.csv");
        var run = CliRun.Trainer("ingest", input, "--out", output, "--drop-rules", rules);
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("page.txt:2:", run.Error);
        Assert.Contains("\"catastrophic\"", run.Error);
        Assert.Contains("rules.json", run.Error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Progress_on_one_big_file_moves_with_the_bytes_read()
    {
        using var dir = new TempDir();
        var text = new StringBuilder();
        for (int i = 1; i <= 20_000; i++) text.Append($"Paragraph {i} says the talks in Brussels went on.\n");
        var input = dir.Write("big.txt", text.ToString());
        var fractions = new List<double>();
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new System.CommandLine.RootCommand { Classifier.Trainer.Commands.IngestCommand.Create(progress: (f, _) => fractions.Add(f)) };
        int code = Classifier.Cli.CommandHost.Invoke(root, ["ingest", input, "--out", dir.File("p.csv")], "trainer", output, error);
        Assert.True(code == 0, error.ToString());
        // A bar counting files sits at 0 until the only file ends; by bytes it passes through the middle.
        Assert.Contains(fractions, f => f is > 0.3 and < 0.7);
        Assert.Equal(fractions.Order(), fractions);
        Assert.All(fractions, f => Assert.InRange(f, 0, 1));
    }

    [Fact]
    public void Duplicate_article_ids_are_refused()
    {
        using var dir = new TempDir();
        var a = dir.Write("one/same.txt", "Headline one here\nText.\n");
        var b = dir.Write("two/same.txt", "Headline two here\nText.\n");
        var run = CliRun.Trainer("ingest", a, b, "--out", dir.File("p.csv"));
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("'same'", run.Error);
    }

    [Fact]
    public void A_csv_with_no_articles_exits_3_and_writes_nothing()
    {
        using var dir = new TempDir();
        var csv = dir.Write("none.csv", "id,text\na,\"  \"\n");
        var run = CliRun.Trainer("ingest", csv, "--out", dir.File("p.csv"));
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("no articles", run.Error);
        Assert.Contains("has no text; skipped", run.Error);
        Assert.Equal(["none.csv"], FilesIn(dir.Path));
    }

    [Fact]
    public void Out_is_required()
    {
        var run = CliRun.Trainer("ingest", IngestionRepo.Seeds);
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
    }
}
