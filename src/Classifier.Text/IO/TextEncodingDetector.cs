using System.Text;
using Classifier.Text.Diagnostics;

namespace Classifier.Text.IO;

/// <summary>
/// Decides how to decode a text file: a BOM wins (UTF-8, UTF-16 LE/BE, UTF-32 LE); without one, UTF-16 is recognised by
/// its zero bytes, valid UTF-8 is UTF-8, and anything else is read as Windows-1252 (the usual culprit: files saved by
/// older Windows tools) with a warning. Files with NUL bytes or many control characters are refused as binary.
/// The UTF-8 check streams the file in fixed-size blocks, so memory stays flat on a 100 MB input.
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
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new(Strict(new UTF8Encoding(false, true)), "UTF-8 (BOM)", 3, null);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new(new UnicodeEncoding(false, false, true), "UTF-16 LE (BOM)", 2, null);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new(new UnicodeEncoding(true, false, true), "UTF-16 BE (BOM)", 2, null);

        if (LooksLikeUtf16(span, out bool bigEndian))
            return new(new UnicodeEncoding(bigEndian, false, true), bigEndian ? "UTF-16 BE (no BOM)" : "UTF-16 LE (no BOM)", 0, null);
        if (LooksBinary(span))
            throw new InputException("this is a binary file, not text", name, hint: "give a .txt or .csv file saved as UTF-8");

        if (IsValidUtf8(stream))
            return new(Strict(new UTF8Encoding(false, true)), "UTF-8", 0, null);
        return new(Windows1252, "Windows-1252", 0,
            $"{name}: not valid UTF-8; decoded as Windows-1252. Re-save the file as UTF-8 if characters look wrong.");
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

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> head, out bool bigEndian)
    {
        bigEndian = false;
        int pairs = head.Length / 2;
        if (pairs < 8) return false;
        int evenZero = 0, oddZero = 0;
        for (int i = 0; i + 1 < head.Length; i += 2)
        {
            if (head[i] == 0) evenZero++;
            if (head[i + 1] == 0) oddZero++;
        }
        // ASCII-range text in UTF-16 has a zero in one byte of nearly every pair and almost never in the other.
        if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return true;
        if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) { bigEndian = true; return true; }
        return false;
    }

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

    private static bool IsValidUtf8(Stream stream)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[BlockBytes];
        var chars = new char[BlockBytes + 4];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
