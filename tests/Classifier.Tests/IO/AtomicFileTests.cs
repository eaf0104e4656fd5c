using Classifier.Tests.Labelling;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;
using Classifier.Text.IO;
using Classifier.Trainer.Commands;
using Classifier.Trainer.Labelling;

namespace Classifier.Tests.IO;

public sealed class AtomicFileTests
{
    [Fact]
    public void A_symlinked_output_is_written_through_to_its_target_and_stays_a_link()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        var target = dir.Write("real/answers.csv", "old\n");
        var link = dir.File("answers.csv");
        File.CreateSymbolicLink(link, Path.Combine("real", "answers.csv"));

        AtomicFile.WriteAllText(link, "new\n");

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("new\n", File.ReadAllText(target));
        Assert.DoesNotContain(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chain_of_links_and_a_dangling_link_reach_the_final_target()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        var final = dir.File("final.csv");
        File.CreateSymbolicLink(dir.File("middle.csv"), final);
        File.CreateSymbolicLink(dir.File("first.csv"), dir.File("middle.csv"));

        AtomicFile.WriteAllText(dir.File("first.csv"), "x");

        Assert.Equal("x", File.ReadAllText(final));
        Assert.NotNull(new FileInfo(dir.File("first.csv")).LinkTarget);
        Assert.NotNull(new FileInfo(dir.File("middle.csv")).LinkTarget);
    }

    [Fact]
    public void A_device_or_a_directory_is_refused_not_replaced()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("out"));
        var isDir = Assert.Throws<OutputException>(() => AtomicFile.WriteAllText(dir.File("out"), "x"));
        Assert.Contains("is a directory", isDir.Message);
        Assert.True(Directory.Exists(dir.File("out")));

        if (!File.Exists("/dev/null")) return;
        var link = dir.File("null.csv");
        File.CreateSymbolicLink(link, "/dev/null");
        var device = Assert.Throws<OutputException>(() => AtomicFile.WriteAllText(link, "x"));
        Assert.Contains("not a regular file", device.Message);
        Assert.Contains("/dev/null", device.Describe());
    }

    [Fact]
    public void Ingest_into_a_device_exits_5_and_leaves_it_alone()
    {
        if (!File.Exists("/dev/null")) return;
        using var dir = new TempDir();
        var article = dir.Write("a.txt", Fixtures.Article("neutral"));
        // Through a link, so that a broken AtomicFile run as root replaces the link and not the real device.
        var link = dir.File("out.csv");
        File.CreateSymbolicLink(link, "/dev/null");
        var run = CliRun.Trainer("ingest", article, "--out", link);
        Assert.True(run.ExitCode == ExitCodes.OutputError, run.ToString());
        Assert.Contains("/dev/null", run.Error);
        Assert.Contains("not a regular file", run.Error);
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_symlinked_labels_file_gets_its_answers_in_the_target()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        var paragraphs = dir.Write("paragraphs.csv", LabellingFixtures.Paragraphs);
        // A gold-style file without the labelled_at column: the session rewrites it once to add the column.
        var target = dir.Write("shared/labels.csv", LabellingFixtures.Gold);
        var link = dir.File("labels.csv");
        File.CreateSymbolicLink(link, target);

        var args = new LabelArguments(paragraphs, link, null, null, "sequential", "linked", "-");
        LabelCommand.Execute(args, new ReaderKeySource(new StringReader("s1q")), new StringWriter(), null);

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Contains("labelled_at", LabellingFixtures.Columns(target));
        var answered = LabellingFixtures.Rows(target).Last();
        Assert.Equal("a:4", answered[0]);
        Assert.Contains("linked", answered);
    }
}
