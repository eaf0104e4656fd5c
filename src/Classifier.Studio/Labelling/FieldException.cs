namespace Classifier.Studio.Labelling;

/// <summary>A request field the Label endpoints refuse before the core sees it (a 400 naming the field).</summary>
public sealed class FieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
