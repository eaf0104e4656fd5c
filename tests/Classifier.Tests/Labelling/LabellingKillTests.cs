using System.Diagnostics;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;
using Classifier.Trainer.Commands;
using Classifier.Trainer.Labelling;

namespace Classifier.Tests.Labelling;

public class LabellingKillTests
{
    [Fact]
    public void Kill_9_of_a_real_trainer_process_loses_no_answer_and_the_next_session_resumes()
    {
        using var dir = new TempDir();
        var paragraphs = dir.Write("paragraphs.csv", LabellingFixtures.Paragraphs);
        var labels = dir.File("labels.csv");
        var dll = Path.Combine(AppContext.BaseDirectory, "trainer.dll");
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "label", "--in", paragraphs, "--labels", labels, "--keys", "-", "--order", "sequential", "--annotator", "killed" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Two full answers and half of a third; the process then waits for more keys.
        process.StandardInput.Write("s1k2n");
        process.StandardInput.Flush();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DataRows(labels) < 2 && !process.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Assert.False(process.HasExited, "the session ended before it was killed");
        process.Kill(); // SIGKILL: no finally blocks, no flush, the lock file stays behind.
        process.WaitForExit();

        var rows = LabellingFixtures.Rows(labels);
        Assert.Equal(["a:1", "a:2"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal("killed", r[5]));

        // The killed session's lock is stale: the next session says so and how to remove it.
        var args = new LabelArguments(paragraphs, labels, null, null, "sequential", "next", "-");
        var stale = Assert.Throws<InputException>(() => LabelCommand.Execute(args, new ReaderKeySource(new StringReader("q")), new StringWriter(), null));
        Assert.Contains("stale lock", stale.Message);
        File.Delete(labels + ".lock");

        var output = new StringWriter();
        LabelCommand.Execute(args, new ReaderKeySource(new StringReader("n3s4q")), output, null);
        Assert.Contains("paragraph a:3", output.ToString());
        rows = LabellingFixtures.Rows(labels);
        Assert.Equal(["a:1", "a:2", "a:3", "a:4"], rows.Select(r => r[0]));
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
