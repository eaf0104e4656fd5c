using Classifier.Text.Diagnostics;

namespace Classifier.Trainer.Cli;

/// <summary>
/// Checks before a long run that its outputs can be written, so an unwritable path is reported in a second rather
/// than after minutes of training (whose result would then be lost).
/// </summary>
public static class OutputCheck
{
    /// <summary>The directory of <paramref name="file"/> exists (or is created) and accepts a new file; the file itself is not a directory.</summary>
    public static void File(string file)
    {
        if (System.IO.Directory.Exists(file)) throw new OutputException(file, "is a directory; give a file name");
        Probe(file, Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".");
    }

    /// <summary><paramref name="directory"/> exists (or is created) and accepts a new file.</summary>
    public static void Directory(string directory) => Probe(directory, Path.GetFullPath(directory));

    private static void Probe(string shown, string directory)
    {
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(shown, $"cannot be written ({ex.Message}); nothing was trained", ex);
        }
    }
}
