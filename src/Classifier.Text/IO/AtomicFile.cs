using Classifier.Text.Diagnostics;

namespace Classifier.Text.IO;

/// <summary>
/// Writes an output through a temporary file beside it and renames it into place only when writing succeeded,
/// so a crash, an error or Ctrl-C never leaves a half-written file or destroys the previous one.
/// A symbolic link is written through (its final target is replaced, the link stays), and anything that is not a
/// regular file (a directory, a device such as /dev/full, a pipe) is refused: renaming over it would replace it.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var full = FinalTarget(Path.GetFullPath(path));
        if (FileKind.NonRegular(full) is { } kind)
            throw new OutputException(path, kind == "a directory"
                ? $"{full} is a directory; give a file name"
                : $"{full} is not a regular file ({kind}) and is never replaced; write to a regular file instead");
        var dir = Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, $"cannot create directory {dir}: {ex.Message}", ex);
        }
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new OutputException(path, ex.Message, ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void WriteText(string path, Action<TextWriter> write) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            write(writer);
        });

    public static void WriteAllText(string path, string contents) => WriteText(path, w => w.Write(contents));

    /// <summary>The path at the end of a chain of symbolic links (which need not exist yet), or the path itself.</summary>
    private static string FinalTarget(string full)
    {
        FileSystemInfo info = new FileInfo(full);
        for (int hops = 0; info.LinkTarget is { } target && hops < 40; hops++)
        {
            var next = Path.GetFullPath(target, Path.GetDirectoryName(info.FullName)!);
            info = new FileInfo(next);
        }
        return info.FullName;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
