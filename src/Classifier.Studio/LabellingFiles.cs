namespace Classifier.Studio;

/// <summary>
/// The --labels, --in and --rules files for the Label page, which is coming (it needs the shared labelling core):
/// accepted now so the start command will not change, and shown on that page's placeholder.
/// </summary>
public sealed record LabellingFiles(string? Labels, string? Input, string? Rules)
{
    public static LabellingFiles None { get; } = new(null, null, null);
}
