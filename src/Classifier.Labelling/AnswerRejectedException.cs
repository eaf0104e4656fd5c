namespace Classifier.Labelling;

/// <summary>An answer, change or undo the session refused; nothing was written. The message says what, the hint what to do.</summary>
public sealed class AnswerRejectedException(RejectionKind kind, string message, string hint) : Exception(message)
{
    public RejectionKind Kind { get; } = kind;

    public string Hint { get; } = hint;
}
