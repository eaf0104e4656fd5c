using System.Runtime.InteropServices;
using System.Text;

namespace Classifier.Text.IO;

/// <summary>
/// What an existing path is (regular file, directory, device…), following links. .NET exposes only "file or
/// directory", and a character device such as /dev/full looks like a file, so on Unix this asks stat(2) through
/// the runtime's own System.Native shim, whose FileStatus layout is the same on every architecture.
/// </summary>
public static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int ModeOffset = 4;

    /// <summary>Refuses a directory where a file is expected, with a message that says so (the OS only says "permission denied").</summary>
    public static void RequireFile(string path)
    {
        if (Directory.Exists(path))
            throw new Diagnostics.InputException("is a directory, not a file", path, hint: "give the path of a file");
    }

    /// <summary>null for a regular file (or one that does not exist), else what it is, e.g. "a character device".</summary>
    public static string? NonRegular(string path)
    {
        if (Directory.Exists(path)) return "a directory";
        if (!File.Exists(path) || OperatingSystem.IsWindows()) return null;
        int mode;
        try
        {
            var status = new byte[256];
            if (Stat(Encoding.UTF8.GetBytes(path + "\0"), status) != 0) return null;
            mode = BitConverter.ToInt32(status, ModeOffset) & TypeMask;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        return mode switch
        {
            Regular => null,
            0x2000 => "a character device",
            0x6000 => "a block device",
            0x1000 => "a named pipe",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat(byte[] path, byte[] status);
}
