namespace Classifier.Text.Diagnostics;

/// <summary>An output (file or directory) that cannot be written.</summary>
public sealed class OutputException(string path, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Path { get; } = path;
    public string Describe() => $"{Path}: {Message}";
}
