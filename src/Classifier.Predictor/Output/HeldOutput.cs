using System.Text;

namespace Classifier.Predictor.Output;

/// <summary>
/// Holds what the result writers write until <see cref="Release"/>, then hands it to the real output in one write.
/// The writers flush after every article so that output streams; the predictor writes a chunk of articles at once, so
/// releasing once per chunk streams as promptly and spares a system call per article.
/// </summary>
internal sealed class HeldOutput : TextWriter
{
    private readonly TextWriter _inner;
    private readonly StringBuilder _held = new();

    public HeldOutput(TextWriter inner)
    {
        _inner = inner;
        // The writers end lines with this writer's NewLine; it must be the real output's.
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    public override Encoding Encoding => _inner.Encoding;

    public override IFormatProvider FormatProvider => _inner.FormatProvider;

    public override void Write(char value) => _held.Append(value);

    public override void Write(char[] buffer, int index, int count) => _held.Append(buffer, index, count);

    public override void Write(ReadOnlySpan<char> buffer) => _held.Append(buffer);

    public override void Write(string? value) => _held.Append(value);

    /// <summary>Held until <see cref="Release"/>: see the class remarks.</summary>
    public override void Flush()
    {
    }

    /// <summary>Writes everything held to the real output and flushes it.</summary>
    public void Release()
    {
        try
        {
            foreach (var chunk in _held.GetChunks()) _inner.Write(chunk.Span);
        }
        finally
        {
            // Written or failed, it is not written again (a failed write is reported once).
            _held.Clear();
        }
        _inner.Flush();
    }
}
