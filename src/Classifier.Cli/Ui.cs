using Spectre.Console;

namespace Classifier.Cli;

/// <summary>
/// Tables and progress go to standard error (so standard output stays clean for data and pipes); plain text when
/// standard error is not a terminal, so CI logs stay readable.
/// </summary>
public static class Ui
{
    public static IAnsiConsole Create(TextWriter writer, bool? forceInteractive = null)
    {
        bool interactive = forceInteractive ?? (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Redirected output has no width; 80 columns would truncate the metric tables in logs and files.
        if (!interactive) console.Profile.Width = 140;
        return console;
    }

    /// <summary>Runs <paramref name="work"/> under a progress bar on interactive terminals, silently elsewhere.</summary>
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
                    task.Value = Math.Clamp(fraction, 0, 1);
                    task.Description = Markup.Escape($"{title}: {what}");
                });
                task.Value = 1.0;
            });
        return result;
    }
}
