namespace Classifier.Text.Ingestion;

/// <summary>Placeholder: the drop rules data file and its loader land with ingestion.</summary>
public sealed class DropRules
{
    public static DropRules Default { get; } = new();
}
