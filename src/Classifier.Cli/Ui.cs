using System.Globalization;
using Spectre.Console;

namespace Classifier.Cli;

/// <summary>
/// Consoles for tables and progress. Plain text when the stream is not a terminal, so logs and files stay readable;
/// <c>$COLUMNS</c> sets the width of redirected tables and <c>NO_COLOR</c> turns colours off on a terminal.
/// </summary>
public static class Ui
{
    /// <summary>Width of tables written to a file or a pipe when <c>$COLUMNS</c> does not say: 80 would truncate the metric tables.</summary>
    public const int RedirectedWidth = 140;

    public static IAnsiConsole Create(TextWriter writer, bool? forceInteractive = null)
    {
        bool interactive = forceInteractive ?? IsTerminal(writer);
        bool colour = interactive && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = writer is GuardedWriter guarded ? new GuardedConsoleOutput(guarded) : new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            // Spectre's own detection says "not interactive" whenever standard output is redirected, which would hide the
            // progress bar on a terminal standard error exactly when results go to a file.
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive) console.Profile.Width = Width(Environment.GetEnvironmentVariable("COLUMNS"));
        return console;
    }

    /// <summary>Whether <paramref name="writer"/> is a terminal: the program's own standard output or error, not redirected.</summary>
    public static bool IsTerminal(TextWriter writer) => writer is GuardedWriter guarded
        ? guarded.IsTerminal
        : (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected) || (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected);

    /// <summary>The width of redirected tables: <c>$COLUMNS</c> when it is a sensible number, else <see cref="RedirectedWidth"/>.</summary>
    public static int Width(string? columns) =>
        int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out int width) && width is >= 20 and <= 10_000 ? width : RedirectedWidth;

    /// <summary>
    /// Runs <paramref name="work"/> under a progress bar on interactive terminals, silently elsewhere. The work reports
    /// a fraction done (NaN when the total is unknown: the bar then only shows that it is alive) and what it is doing.
    /// </summary>
    public static T WithProgress<T>(IAnsiConsole console, string title, Func<Action<double, string>, T> work)
    {
        if (!console.Profile.Capabilities.Interactive)
            return work((_, _) => { });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(title, maxValue: 1.0);
                result = work((fraction, what) =>
                {
                    task.IsIndeterminate = double.IsNaN(fraction);
                    if (!task.IsIndeterminate) task.Value = Math.Clamp(fraction, 0, 1);
                    task.Description = Markup.Escape($"{title}: {what}");
                });
                task.Value = 1.0;
            });
        return result;
    }
}
