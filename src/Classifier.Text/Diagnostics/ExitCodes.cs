namespace Classifier.Text.Diagnostics;

/// <summary>Exit codes shared by the trainer and the predictor; documented in the README so scripts can rely on them.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>An unexpected failure (a bug): the message says so and asks for a report.</summary>
    public const int InternalError = 1;
    /// <summary>The command line itself is wrong (unknown option, missing argument).</summary>
    public const int UsageError = 2;
    /// <summary>An input file is missing, unreadable or malformed.</summary>
    public const int InputError = 3;
    /// <summary>A model file is missing, corrupt, of the wrong kind or from a newer version.</summary>
    public const int ModelError = 4;
    /// <summary>An output could not be written.</summary>
    public const int OutputError = 5;
    /// <summary>Stopped by Ctrl-C; nothing partial was left behind.</summary>
    public const int Cancelled = 130;
}
