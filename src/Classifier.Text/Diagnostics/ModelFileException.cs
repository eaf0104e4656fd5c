namespace Classifier.Text.Diagnostics;

/// <summary>A model file that cannot be used: truncated, corrupted, tampered with, of the wrong kind or from a newer version.</summary>
public sealed class ModelFileException(string file, string message, Exception? inner = null)
    : InputException(message, file, hint: null, inner: inner);
