using System.Diagnostics;

namespace Classifier.Tests.Support;

/// <summary>How tests start a built CLI (trainer.dll, predictor.dll) as a real process, all three streams redirected.</summary>
public static class DotnetProgram
{
    /// <summary>The dotnet host running the tests (so the CLI runs on the same runtime), or "dotnet" from PATH.</summary>
    public static string Host => Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program + ".dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }
}
