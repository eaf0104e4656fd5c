using System.Diagnostics;
using System.Globalization;
using Classifier.Text.Diagnostics;

namespace Classifier.Text.Labelling;

/// <summary>
/// <c>labels.csv.lock</c>, holding the pid of the session that owns the labels file, so a second session on the
/// same file is refused. Created with <see cref="FileMode.CreateNew"/> (atomic on every file system we target);
/// removed when the session ends. A lock left by a killed session is reported with how to remove it.
/// </summary>
public sealed class LabelsLock : IDisposable
{
    private LabelsLock(string path) => Path = path;

    public string Path { get; }

    public static string LockPathOf(string labelsPath) => labelsPath + ".lock";

    public static LabelsLock Acquire(string labelsPath)
    {
        var path = LockPathOf(labelsPath);
        try
        {
            var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(stream);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}\n{Environment.MachineName}\n{DateTimeOffset.UtcNow:O}\n"));
            writer.Flush();
            stream.Flush(flushToDisk: true);
            return new LabelsLock(path);
        }
        catch (IOException) when (File.Exists(path))
        {
            string[] lines;
            try { lines = File.ReadAllLines(path); }
            catch (IOException) { lines = []; }
            int pid = lines.Length > 0 && int.TryParse(lines[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : -1;
            string host = lines.Length > 1 ? lines[1].Trim() : "";
            if (pid > 0 && IsAlive(pid) && (host.Length == 0 || host == Environment.MachineName))
                throw new InputException($"another labelling session (pid {pid}) is using this labels file", labelsPath,
                    hint: "finish that session first; two sessions would write the same file");
            throw new InputException($"a stale lock from session pid {(pid > 0 ? pid.ToString(CultureInfo.InvariantCulture) : "?")}{(host.Length > 0 ? $" on {host}" : "")} is left, and that process is no longer running", labelsPath,
                hint: $"if no other session uses the file, remove the lock with: rm '{path}'");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, $"cannot create the lock file: {ex.Message}", ex);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try { File.Delete(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
