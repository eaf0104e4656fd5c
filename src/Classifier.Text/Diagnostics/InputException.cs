namespace Classifier.Text.Diagnostics;

/// <summary>
/// Bad input a user can fix: the message names the file (and line and column when known) and says what to do.
/// CLIs turn it into one line on standard error and <see cref="ExitCodes.InputError"/>.
/// </summary>
public class InputException(string message, string? file = null, long? line = null, int? column = null, string? hint = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string? File { get; } = file;
    public long? Line { get; } = line;
    public int? Column { get; } = column;
    public string? Hint { get; } = hint;

    /// <summary>One line in the compiler style editors understand: <c>file:line:column: message (hint)</c>.</summary>
    public string Describe()
    {
        var where = File is null ? "" : Line is null ? $"{File}: " : Column is null ? $"{File}:{Line}: " : $"{File}:{Line}:{Column}: ";
        return Hint is null ? $"{where}{Message}" : $"{where}{Message} ({Hint})";
    }
}
