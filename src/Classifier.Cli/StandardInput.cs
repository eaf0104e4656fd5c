using System.Text;

namespace Classifier.Cli;

/// <summary>
/// Standard input for commands that read text from "-". On a terminal, Console.In runs .NET's own line editor,
/// whose ReadToEnd needs Ctrl-D twice; the raw stream ends at the first Ctrl-D on an empty line, as cat does.
/// </summary>
public static class StandardInput
{
    public static TextReader Open() => Console.IsInputRedirected
        ? Console.In
        : new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);

    /// <summary>Whether <paramref name="reader"/> reads the program's own standard input and that is a terminal.</summary>
    public static bool IsTerminal(TextReader? reader) => reader is null && !Console.IsInputRedirected;
}
