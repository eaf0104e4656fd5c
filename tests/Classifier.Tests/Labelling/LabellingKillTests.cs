using System.Diagnostics;
using System.Runtime.InteropServices;
using Classifier.Tests.Support;
using Classifier.Trainer.Commands;
using Classifier.Trainer.Labelling;

namespace Classifier.Tests.Labelling;

public class LabellingKillTests
{
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>A real trainer process labelling from its standard input, after it has saved two answers.</summary>
    private static Process StartAndAnswerTwo(TempDir dir, string paragraphs, string labels)
    {
        var process = TrainerProcess.Start("label", "--in", paragraphs, "--labels", labels, "--keys", "-", "--order", "sequential", "--annotator", "killed");
        // Two full answers and half of a third; the process then waits for more keys.
        process.StandardInput.Write("s1k2n");
        process.StandardInput.Flush();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DataRows(labels) < 2 && !process.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Assert.False(process.HasExited, "the session ended before it was signalled");
        return process;
    }

    [Fact]
    public void Kill_9_of_a_real_trainer_process_loses_no_answer_and_the_next_session_takes_the_lock_over()
    {
        using var dir = new TempDir();
        var paragraphs = dir.Write("paragraphs.csv", LabellingFixtures.Paragraphs);
        var labels = dir.File("labels.csv");
        using (var process = StartAndAnswerTwo(dir, paragraphs, labels))
        {
            process.Kill(); // SIGKILL: no finally blocks, no flush, the lock file stays behind.
            process.WaitForExit();
        }
        var rows = LabellingFixtures.Rows(labels);
        Assert.Equal(["a:1", "a:2"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal("killed", r[5]));
        Assert.True(File.Exists(labels + ".lock"));

        // The killed session's pid is dead on this host: the next session takes its lock over and says so.
        var args = new LabelArguments(paragraphs, labels, null, null, "sequential", "next", "-");
        var output = new StringWriter();
        LabelCommand.Execute(args, new ReaderKeySource(new StringReader("n3s4q")), output, null);
        Assert.Contains("took over the lock", output.ToString());
        Assert.Contains("paragraph a:3", output.ToString());
        rows = LabellingFixtures.Rows(labels);
        Assert.Equal(["a:1", "a:2", "a:3", "a:4"], rows.Select(r => r[0]));
    }

    [Theory]
    [InlineData(1, 129)] // SIGHUP: the terminal went away
    [InlineData(2, 130)] // SIGINT: Ctrl-C with keys from a pipe
    public void A_signal_removes_the_lock_keeps_the_answers_and_exits_128_plus_its_number(int signal, int exitCode)
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        var paragraphs = dir.Write("paragraphs.csv", LabellingFixtures.Paragraphs);
        var labels = dir.File("labels.csv");
        using var process = StartAndAnswerTwo(dir, paragraphs, labels);
        Assert.Equal(0, SendSignal(process.Id, signal));
        Assert.True(process.WaitForExit(30_000), "the session did not end on the signal");
        Assert.Equal(exitCode, process.ExitCode);
        Assert.False(File.Exists(labels + ".lock"));
        Assert.Equal(["a:1", "a:2"], LabellingFixtures.Rows(labels).Select(r => r[0]));
    }

    private static int DataRows(string path)
    {
        try
        {
            if (!File.Exists(path)) return 0;
            return File.ReadAllLines(path).Length - 1;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
