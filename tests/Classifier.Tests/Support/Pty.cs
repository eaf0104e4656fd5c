using System.Diagnostics;

namespace Classifier.Tests.Support;

/// <summary>
/// Runs a command on a pseudo-terminal (through python3's pty module), so tests see what a person at a terminal
/// sees: progress bars, and standard input that ends with Ctrl-D.
/// </summary>
public static class Pty
{
    public static bool Available => !OperatingSystem.IsWindows() &&
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "python3")));

    /// <summary>The terminal's whole output and whether the command exited (code 0 needed) within a minute.</summary>
    /// <param name="typed">Typed after the program has had time to start, followed by a single Ctrl-D; null types nothing.</param>
    public static (bool ExitedCleanly, string Screen) Run(string shellCommand, string? typed = null)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-c", Script, typed ?? "", typed is null ? "0" : "1", "/bin/sh", "-c", shellCommand }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (output.StartsWith("EXITED 0\n", StringComparison.Ordinal), output);
    }

    private const string Script = """
        import os, pty, sys, time, select
        typed, typing, command = sys.argv[1], sys.argv[2] == "1", sys.argv[3:]
        pid, fd = pty.fork()
        if pid == 0:
            os.execvp(command[0], command)
        out = b""
        def pump(seconds):
            global out
            end = time.time() + seconds
            while time.time() < end:
                ready, _, _ = select.select([fd], [], [], 0.1)
                if ready:
                    try: out += os.read(fd, 65536)
                    except OSError: return
        if typing:
            pump(2.0)  # let the program start reading before typing
            os.write(fd, typed.encode() + b"\n")
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
