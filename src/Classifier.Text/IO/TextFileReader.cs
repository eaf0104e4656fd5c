using Classifier.Text.Diagnostics;

namespace Classifier.Text.IO;

/// <summary>Opens text files with the encoding <see cref="TextEncodingDetector"/> chose, streaming (never the whole file in memory).</summary>
public static class TextFileReader
{
    /// <summary>Opens <paramref name="path"/> for streaming reads; <paramref name="warn"/> receives the fallback-encoding warning, if any.</summary>
    public static StreamReader Open(string path, Action<string>? warn = null)
    {
        FileKind.RequireFile(path);
        var stream = TextEncodingDetector.OpenForRead(path);
        try
        {
            var detected = TextEncodingDetector.Detect(stream, path);
            if (detected.Warning is not null) warn?.Invoke(detected.Warning);
            stream.Position = detected.PreambleLength;
            return new StreamReader(stream, detected.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a whole (small) file; use <see cref="Open"/> for large inputs.</summary>
    public static string ReadAll(string path, Action<string>? warn = null)
    {
        using var reader = Open(path, warn);
        try
        {
            return reader.ReadToEnd();
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new InputException($"invalid {reader.CurrentEncoding.EncodingName} text: {ex.Message}", path);
        }
    }
}
