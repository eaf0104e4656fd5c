using System.Diagnostics;
using System.Globalization;
using Classifier.Text.Diagnostics;

namespace Classifier.Text.Labelling;

/// <summary>
/// <c>labels.csv.lock</c> beside the labels file's real path (symlinks resolved, so a link to the file meets the same
/// lock), holding the pid and host of the session that owns the file, so a second session on it is refused. Created
/// with <see cref="FileMode.CreateNew"/> (atomic on every file system we target); removed when the session ends. A
/// lock left by a dead process on this host is taken over (see <see cref="Note"/>); one from another host cannot be
/// checked, so it is reported with how to remove it.
/// </summary>
public sealed class LabelsLock : IDisposable
{
    private int _released;

    private LabelsLock(string path, string? note)
    {
        Path = path;
        Note = note;
    }

    public string Path { get; }

    /// <summary>Said when the lock was taken over from a dead session; null otherwise.</summary>
    public string? Note { get; }

    public static string LockPathOf(string labelsPath) => RealPath(labelsPath) + ".lock";

    /// <summary>The absolute path with a symlinked file or directory resolved to what it points at.</summary>
    public static string RealPath(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var file = new FileInfo(full);
        if (file.LinkTarget is not null && file.ResolveLinkTarget(returnFinalTarget: true) is { } target) return target.FullName;
        var dir = System.IO.Path.GetDirectoryName(full);
        if (dir is null) return full;
        var parent = new DirectoryInfo(dir);
        if (parent.LinkTarget is not null && parent.ResolveLinkTarget(returnFinalTarget: true) is { } real)
            return RealPath(System.IO.Path.Combine(real.FullName, file.Name));
        return full;
    }

    public static LabelsLock Acquire(string labelsPath)
    {
        var path = LockPathOf(labelsPath);
        try
        {
            var dir = System.IO.Path.GetDirectoryName(path);
            if (dir is not null) Directory.CreateDirectory(dir);
            if (TryCreate(path)) return new LabelsLock(path, null);
            var owner = Owner.Read(path);
            if (owner.Pid > 0 && owner.Host == Environment.MachineName && !IsAlive(owner.Pid)) return TakeOver(labelsPath, path, owner);
            if (owner.Pid > 0 && (owner.Host.Length == 0 || owner.Host == Environment.MachineName))
                throw new InputException($"another labelling session (pid {owner.Pid}) is using this labels file", labelsPath,
                    hint: "finish that session first; two sessions would write the same file");
            throw new InputException($"a lock from session pid {(owner.Pid > 0 ? owner.Pid.ToString(CultureInfo.InvariantCulture) : "?")}{(owner.Host.Length > 0 ? $" on {owner.Host}" : "")} is left, and this host cannot tell whether it still runs", labelsPath,
                hint: $"if no other session uses the file, remove the lock with: rm '{path}'");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, $"cannot create the lock file: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Moves the dead session's lock aside and creates ours. The move is checked (another session may have taken the
    /// lock over between our read and our move): if what was moved is not the dead lock, it is put back.
    /// </summary>
    private static LabelsLock TakeOver(string labelsPath, string path, Owner dead)
    {
        var aside = $"{path}.stale.{Environment.ProcessId}.{Guid.NewGuid():N}";
        try
        {
            File.Move(path, aside);
        }
        catch (FileNotFoundException)
        {
            // Someone else removed it first: fall through and race for the new lock.
        }
        if (File.Exists(aside))
        {
            if (Owner.Read(aside).Text != dead.Text)
            {
                try { File.Move(aside, path); } catch (IOException) { }
                throw Busy(labelsPath);
            }
            File.Delete(aside);
        }
        if (!TryCreate(path)) throw Busy(labelsPath);
        return new LabelsLock(path, $"took over the lock of session pid {dead.Pid} on {dead.Host}, which is no longer running");
    }

    private static InputException Busy(string labelsPath) =>
        new("another labelling session took this labels file over just now", labelsPath, hint: "finish that session first; two sessions would write the same file");

    private static bool TryCreate(string path)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        using (stream)
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}\n{Environment.MachineName}\n{DateTimeOffset.UtcNow:O}\n"));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        return true;
    }

    private sealed record Owner(string Text, int Pid, string Host)
    {
        public static Owner Read(string path)
        {
            string text;
            try { text = File.ReadAllText(path); }
            catch (IOException) { text = ""; }
            var lines = text.Split('\n');
            int pid = int.TryParse(lines[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : -1;
            return new Owner(text, pid, lines.Length > 1 ? lines[1].Trim() : "");
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

    /// <summary>Removes the lock; safe to call twice (a signal handler and the session's end may both call it).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0) return;
        try { File.Delete(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
