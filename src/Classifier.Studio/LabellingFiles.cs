namespace Classifier.Studio;

/// <summary>The files of the Label page: --labels (answers are appended to it), --in (paragraphs), --rules and --schema (the heads; default the codebook's).</summary>
public sealed record LabellingFiles(string? Labels, string? Input, string? Rules, string? Schema = null)
{
    public static LabellingFiles None { get; } = new(null, null, null);
}
