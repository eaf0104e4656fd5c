using System.Diagnostics;

namespace Classifier.Tests.Support;

/// <summary>A real `trainer` process (for signals and kills, which an in-process run cannot take), its output drained.</summary>
public static class TrainerProcess
{
    public static Process Start(params string[] args)
    {
        var start = DotnetProgram.StartInfo("trainer", args);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
