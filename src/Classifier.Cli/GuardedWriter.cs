using System.Text;
using Classifier.Text.Diagnostics;

namespace Classifier.Cli;

/// <summary>
/// Standard output or standard error as the commands see them. A failing standard output (a full disk, a closed
/// file) becomes an <see cref="OutputException"/>, so it exits 5 instead of looking like a bug; a failing standard
/// error is ignored, because diagnostics must never abort a run (nor lose the model a training run is about to save).
/// </summary>
public sealed class GuardedWriter(TextWriter inner, string name, bool ignoreFailures, bool isTerminal) : TextWriter
{
    /// <summary>Whether the stream is a terminal (tables get colours and progress bars there).</summary>
    public bool IsTerminal { get; } = isTerminal;

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter's setter accepts null; so does the inner writer.
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public static GuardedWriter StandardOutput(TextWriter? writer) => writer as GuardedWriter
        ?? new GuardedWriter(writer ?? Console.Out, "standard output", ignoreFailures: false, isTerminal: (writer is null || ReferenceEquals(writer, Console.Out)) && !Console.IsOutputRedirected);

    public static GuardedWriter StandardError(TextWriter? writer) => writer as GuardedWriter
        ?? new GuardedWriter(writer ?? Console.Error, "standard error", ignoreFailures: true, isTerminal: (writer is null || ReferenceEquals(writer, Console.Error)) && !Console.IsErrorRedirected);

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var copy = buffer.ToString();
        Guard(() => inner.Write(copy));
    }

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            if (ignoreFailures) return;
            throw new OutputException(name, LowerFirst(ex.Message), ex);
        }
    }

    private static string LowerFirst(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;
}
