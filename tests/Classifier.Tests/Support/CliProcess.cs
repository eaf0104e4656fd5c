using System.Diagnostics;

namespace Classifier.Tests.Support;

/// <summary>
/// Runs a built CLI (trainer or predictor) as a real process through /bin/sh, so tests can point its standard
/// streams at files such as /dev/full and set environment variables without touching the test process.
/// </summary>
public static class CliProcess
{
    public static CliRun Run(string program, string[] args, string? stdoutFile = null, string? stderrFile = null,
        IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, program + ".dll");
        var host = DotnetProgram.Host;
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        // The script redirects only the streams a file was given for; the others stay pipes to this process.
        var script = "exec \"$@\"" + (stdoutFile is null ? "" : " >\"$CLI_STDOUT\"") + (stderrFile is null ? "" : " 2>\"$CLI_STDERR\"");
        foreach (var a in new[] { "-c", script, "sh", host, dll }.Concat(args)) start.ArgumentList.Add(a);
        if (stdoutFile is not null) start.Environment["CLI_STDOUT"] = stdoutFile;
        if (stderrFile is not null) start.Environment["CLI_STDERR"] = stderrFile;
        // A null value removes the variable (such as a COLUMNS the test runner inherited).
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CliRun(process.ExitCode, output.Result, error.Result);
    }
}
