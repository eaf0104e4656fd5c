namespace Classifier.Tests.Support;

/// <summary>Runs a CLI entry point in-process with captured output, as a script would see it.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Trainer(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Classifier.Trainer.Program.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static CliRun Predictor(string[] args, string? stdin = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Classifier.Predictor.Program.Run(args, output, error, new StringReader(stdin ?? ""));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
