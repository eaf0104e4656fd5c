using System.Text;
using Spectre.Console;

namespace Classifier.Cli;

/// <summary>
/// Spectre's view of a <see cref="GuardedWriter"/>. Spectre recognises a terminal only by reference to Console.Out or
/// Console.Error, so without this a guarded terminal stream would lose its live progress bars.
/// </summary>
public sealed class GuardedConsoleOutput(GuardedWriter writer) : IAnsiConsoleOutput
{
    private const int DefaultWidth = 80;
    private const int DefaultHeight = 24;

    public TextWriter Writer => writer;

    public bool IsTerminal => writer.IsTerminal;

    public int Width => IsTerminal ? Safe(() => Console.WindowWidth, DefaultWidth) : DefaultWidth;

    public int Height => IsTerminal ? Safe(() => Console.WindowHeight, DefaultHeight) : DefaultHeight;

    public void SetEncoding(Encoding encoding)
    {
        if (IsTerminal) Console.OutputEncoding = encoding;
    }

    // A terminal can report no size (0) or refuse to say (an IOException): fall back to the classic 80 × 24.
    private static int Safe(Func<int> size, int fallback)
    {
        try
        {
            int value = size();
            return value > 0 ? value : fallback;
        }
        catch (IOException)
        {
            return fallback;
        }
    }
}
