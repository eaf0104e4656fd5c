using System.Text;
using Classifier.Text.Diagnostics;

namespace Classifier.Text.IO;

/// <summary>
/// Decides how to decode a text file: a BOM wins (UTF-8, UTF-16 LE/BE, UTF-32 LE). Without one, a file with zero bytes
/// is UTF-16 when one byte order decodes its start as text in any script (zero bytes never occur in UTF-8 text), and
/// binary otherwise. Else the whole stream is checked as UTF-8: valid UTF-8 is UTF-8; UTF-8 with a few invalid bytes
/// (fewer invalid sequences than valid multi-byte ones) is still UTF-8, each bad sequence read as U+FFFD with a
/// warning naming file, line and byte offset; and only bytes that are mostly not UTF-8 are read as Windows-1252 (the
/// usual culprit: files saved by older Windows tools), with a warning. Files with many control characters are
/// refused as binary. The UTF-8 check streams the file in fixed-size blocks, so memory stays flat on a 100 MB input.
/// </summary>
public static class TextEncodingDetector
{
    private const int SniffBytes = 8192;
    private const int BlockBytes = 1 << 16;

    static TextEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Windows-1252, available once the code-pages provider is registered.</summary>
    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>Detects the encoding of <paramref name="path"/>; throws <see cref="InputException"/> for empty or binary files.</summary>
    public static DetectedEncoding Detect(string path)
    {
        using var stream = OpenForRead(path);
        return Detect(stream, path);
    }

    /// <summary>Detects the encoding of a seekable stream and leaves it positioned at the start.</summary>
    public static DetectedEncoding Detect(Stream stream, string name)
    {
        var head = new byte[SniffBytes];
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (n == 0)
            throw new InputException("the file is empty", name, hint: "give a file with text in it");
        var span = head.AsSpan(0, n);

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return new(new UTF32Encoding(false, true, true), "UTF-32 LE (BOM)", 4, null);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            var bom = Census(stream);
            return bom.Invalid == 0 ? new(Strict(new UTF8Encoding(false, true)), "UTF-8 (BOM)", 3, null)
                : new(new UTF8Encoding(false, false), "UTF-8 (BOM, with invalid bytes)", 3, InvalidUtf8Warning(name, bom));
        }
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new(new UnicodeEncoding(false, false, true), "UTF-16 LE (BOM)", 2, null);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new(new UnicodeEncoding(true, false, true), "UTF-16 BE (BOM)", 2, null);

        if (span.Contains((byte)0))
        {
            if (Utf16.LooksLikeText(span, out bool bigEndian))
                return new(new UnicodeEncoding(bigEndian, false, true), bigEndian ? "UTF-16 BE (no BOM)" : "UTF-16 LE (no BOM)", 0, null);
            throw Binary(name);
        }
        if (LooksBinary(span)) throw Binary(name);

        var census = Census(stream);
        if (census.Invalid == 0) return new(Strict(new UTF8Encoding(false, true)), "UTF-8", 0, null);
        // One stray byte must not turn every "č" of a large UTF-8 file into "Ä": Windows-1252 only when it explains more.
        if (census.MultiByte > census.Invalid)
            return new(new UTF8Encoding(false, false), "UTF-8 (with invalid bytes)", 0, InvalidUtf8Warning(name, census));
        return new(Windows1252, "Windows-1252", 0,
            $"{name}: not valid UTF-8; decoded as Windows-1252. Re-save the file as UTF-8 if characters look wrong.");
    }

    private static InputException Binary(string name) =>
        new("this is a binary file, not text", name, hint: "give a .txt or .csv file saved as UTF-8");

    private static string InvalidUtf8Warning(string name, Utf8Census census)
    {
        var (line, offset, value) = census.FirstInvalid[0];
        var more = census.Invalid == 1 ? "" : $" and {census.Invalid - 1} more ({string.Join(", ", census.FirstInvalid.Skip(1).Select(f => $"line {f.Line}, byte offset {f.Offset}"))}{(census.Invalid > census.FirstInvalid.Count ? ", …" : "")})";
        return $"{name}:{line}: invalid UTF-8 byte 0x{value:X2} at byte offset {offset}{more}; the rest is UTF-8, so it is read as UTF-8 " +
            "with each invalid sequence replaced by U+FFFD. Fix those bytes or re-save the file as UTF-8.";
    }

    /// <summary>Opens a file for reading, turning the usual failures into an <see cref="InputException"/> that names it.</summary>
    public static FileStream OpenForRead(string path)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BlockBytes);
            return stream.CanSeek ? stream : Spool(stream);
        }
        catch (FileNotFoundException) { throw new InputException("no such file", path, hint: "check the path"); }
        catch (DirectoryNotFoundException) { throw new InputException("no such file or directory", path, hint: "check the path"); }
        catch (UnauthorizedAccessException) { throw new InputException("permission denied", path, hint: "check the file's permissions"); }
        catch (IOException ex) { throw new InputException($"cannot read: {ex.Message}", path); }
    }

    /// <summary>
    /// Copies a pipe or FIFO (such as bash's &lt;(…)) to a temporary file deleted on close, since detection reads the
    /// input twice; a temporary file rather than memory keeps a large input's footprint flat.
    /// </summary>
    private static FileStream Spool(FileStream pipe)
    {
        using (pipe)
        {
            var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, BlockBytes, FileOptions.DeleteOnClose);
            pipe.CopyTo(spool);
            spool.Position = 0;
            return spool;
        }
    }

    private static Encoding Strict(Encoding e) => e;

    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        int control = 0;
        foreach (byte b in head)
        {
            if (b == 0) return true;
            if (b < 0x20 && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r' && b != 0x0C && b != 0x1B) control++;
        }
        return control > head.Length / 20;
    }

    private static Utf8Census Census(Stream stream)
    {
        var census = new Utf8Census();
        var bytes = new byte[BlockBytes];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0) census.Add(bytes.AsSpan(0, read));
            census.End();
            return census;
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
