namespace Classifier.Text.Diagnostics;

/// <summary>The command line asks for something that cannot work (a check System.CommandLine cannot express): exit code 2.</summary>
public sealed class UsageException(string message, string? hint = null) : Exception(message)
{
    public string? Hint { get; } = hint;
    public string Describe() => Hint is null ? Message : $"{Message} ({Hint})";
}
