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
        catch (ModelFileException ex)
        {
            error.WriteLine($"{program}: model error: {ex.Describe()}");
            return ExitCodes.ModelError;
        }
        catch (UsageException ex)
        {
            error.WriteLine($"{program}: usage: {ex.Describe()} (see --help)");
            return ExitCodes.UsageError;
        }
        catch (InputException ex)
        {
            error.WriteLine($"{program}: error: {ex.Describe()}");
            return ExitCodes.InputError;
        }
        catch (OutputException ex)
        {
            error.WriteLine($"{program}: cannot write output: {ex.Describe()}");
            return ExitCodes.OutputError;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"{program}: cancelled; no partial output was left behind.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            error.WriteLine($"{program}: internal error: {ex.GetType().Name}: {ex.Message}");
            error.WriteLine("This is a bug. Please report it with the command you ran.");
            if (Environment.GetEnvironmentVariable("CLASSIFIER_DEBUG") == "1") error.WriteLine(ex);
            return ExitCodes.InternalError;
        }
    }
}
