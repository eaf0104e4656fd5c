using System.Diagnostics;
using System.Text;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.Ingestion;

/// <summary>Ctrl-C and SIGTERM sent to a real <c>trainer ingest</c> process in the middle of one long input.</summary>
public class IngestionCancelTests
{
    // Far more than the pipe and reader buffers hold, so once it is written the process is inside the split loop.
    private const long BytesBeforeSignal = 4 << 20;
    // An input the old code finishes (exit 0) if it ignores the signal, so the test fails instead of hanging.
    private const long BytesAtMost = 64L << 20;

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void A_signal_during_one_long_input_exits_130_and_writes_nothing(string signal)
    {
        using var dir = new TempDir();
        var output = dir.File("p.csv");
        using var process = StartIngest(output);
        long written = 0;
        var feeder = new Thread(() => written = Feed(process));
        feeder.Start();
        while (feeder.IsAlive && !process.HasExited && FedSoFar < BytesBeforeSignal) Thread.Sleep(20);
        Assert.False(process.HasExited, "trainer ingest ended before the signal");
        Signal(process.Id, signal);
        // A hang guard, not a timing assertion: the process must end on its own.
        bool ended = process.WaitForExit(60_000);
        if (!ended) process.Kill();
        feeder.Join();
        Assert.True(ended, "trainer ingest did not stop after the signal");
        Assert.Equal(ExitCodes.Cancelled, process.ExitCode);
        Assert.True(written < BytesAtMost, "the whole input was read");
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    private long _fed;

    private long FedSoFar => Interlocked.Read(ref _fed);

    private Process StartIngest(string output)
    {
        var process = TrainerProcess.Start("ingest", "-", "--out", output);
        Interlocked.Exchange(ref _fed, 0);
        return process;
    }

    /// <summary>Writes prose lines to the process until it stops reading (returns the bytes written) or the cap is reached.</summary>
    private long Feed(Process process)
    {
        var line = Encoding.UTF8.GetBytes("The talks in Brussels went on for another day without agreement.\n");
        var block = new byte[line.Length * 1024];
        for (int i = 0; i < 1024; i++) line.CopyTo(block, i * line.Length);
        var stdin = process.StandardInput.BaseStream;
        long total = 0;
        try
        {
            while (total < BytesAtMost && !process.HasExited)
            {
                stdin.Write(block);
                total += block.Length;
                Interlocked.Exchange(ref _fed, total);
            }
            stdin.Close();
        }
        catch (IOException)
        {
            // The process stopped reading: what the signal should cause.
        }
        return Math.Max(total, 1);
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
