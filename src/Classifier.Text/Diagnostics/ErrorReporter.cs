namespace Classifier.Text.Diagnostics;

/// <summary>
/// Runs a command body and maps what escapes it to one line on standard error and a documented exit code,
/// so every command fails the same way.
/// </summary>
public static class ErrorReporter
{
    public static int Run(string program, Func<int> body, TextWriter? error = null)
    {
        error ??= Console.Error;
        try
        {
            return body();
        }
        catch (Exception ex)
        {
            var (code, message) = Describe(program, ex);
            // A failing standard error must not turn a clean exit code into a crash.
            try
            {
                error.WriteLine(message);
            }
            catch (IOException) { }
            return code;
        }
    }

    private static (int Code, string Message) Describe(string program, Exception ex) => Unwrap(ex) switch
    {
        ModelFileException m => (ExitCodes.ModelError, $"{program}: model error: {m.Describe()}"),
        UsageException u => (ExitCodes.UsageError, $"{program}: usage: {u.Describe()} (see --help)"),
        InputException i => (ExitCodes.InputError, $"{program}: error: {i.Describe()}"),
        OutputException o => (ExitCodes.OutputError, $"{program}: cannot write output: {o.Describe()}"),
        OperationCanceledException => (ExitCodes.Cancelled, $"{program}: cancelled; no partial output was left behind."),
        var other => (ExitCodes.InternalError, $"{program}: internal error: {other.GetType().Name}: {other.Message}\n" +
            "This is a bug. Please report it with the command you ran." +
            (Environment.GetEnvironmentVariable("CLASSIFIER_DEBUG") == "1" ? "\n" + other : "")),
    };

    /// <summary>Libraries in between (CSV, JSON, tasks) wrap what our writers and readers throw; the innermost known error decides.</summary>
    private static Exception Unwrap(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is InputException or UsageException or OutputException or OperationCanceledException) return e;
        return ex;
    }
}
