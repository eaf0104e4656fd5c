using System.Diagnostics;
using System.Text.RegularExpressions;
using Classifier.Tests.Support;

namespace Classifier.Tests.Api;

/// <summary>
/// <c>predictor serve</c> as a real process (so Ctrl-C and exit codes are the program's own), with its standard
/// error read line by line until it says where it listens.
/// </summary>
public sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource<Uri> _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ServeProcess(params string[] args)
        : this(DotnetProgram.StartInfo("predictor", new[] { "serve" }.Concat(args)))
    {
    }

    private ServeProcess(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { _closed.TrySetResult(); _serving.TrySetException(new InvalidOperationException("serve ended before listening:\n" + Error)); return; }
            lock (_lines) _lines.Add(e.Data);
            if (Serving().Match(e.Data) is { Success: true } m) _serving.TrySetResult(new Uri(m.Groups[1].Value));
        };
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginErrorReadLine();
        _ = _process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>The <c>studio</c> program instead (it says where it serves the same way).</summary>
    public static ServeProcess Studio(params string[] args) => new(DotnetProgram.StartInfo("studio", args));

    /// <summary>kill -9: no handler runs, so only what was flushed survives.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public string Error
    {
        get { lock (_lines) return string.Join('\n', _lines); }
    }

    public IReadOnlyList<string> ErrorLines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    /// <summary>Where it listens, once it says so (a generous guard against a hang, not a timing assert).</summary>
    public Task<Uri> Serving(TimeSpan? guard = null) => _serving.Task.WaitAsync(guard ?? TimeSpan.FromMinutes(2));

    /// <summary>Ctrl-C, as a terminal sends it.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> ExitCode()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await _closed.Task.WaitAsync(TimeSpan.FromMinutes(1));
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }

    [GeneratedRegex(@"serving (http://\S+)")]
    private static partial Regex Serving();
}
