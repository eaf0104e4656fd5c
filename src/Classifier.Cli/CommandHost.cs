using System.CommandLine;
using Classifier.Text.Diagnostics;

namespace Classifier.Cli;

/// <summary>Parses, maps usage errors to exit code 2 and runs the chosen command with Ctrl-C wired to its cancellation token.</summary>
public static class CommandHost
{
    public static int Invoke(RootCommand root, string[] args, string program, TextWriter? output, TextWriter? error)
    {
        output = GuardedWriter.StandardOutput(output);
        error = GuardedWriter.StandardError(error);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine($"{program}: {e.Message}");
            foreach (var token in parse.UnmatchedTokens)
                if (Suggestions.Nearest(token, Suggestions.Names(parse.CommandResult.Command)) is { } near)
                    error.WriteLine($"{program}: '{token}': did you mean '{near}'?");
            error.WriteLine($"Run '{program} --help' for usage.");
            return ExitCodes.UsageError;
        }
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return ErrorReporter.Run(program, () => parse.InvokeAsync(config).GetAwaiter().GetResult(), error);
    }
}
