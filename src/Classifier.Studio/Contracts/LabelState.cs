namespace Classifier.Studio.Contracts;

/// <summary>What the Label page shows: the paragraph to label next (null when none is left), the schema, progress and the store's notices.</summary>
public sealed record LabelState(LabelParagraphInfo? Paragraph, IReadOnlyList<LabelHeadInfo> Heads, LabelProgressInfo Progress, string LabelsFile,
    IReadOnlyList<string> Notices, string? Message, LabelRetrainingInfo? Retraining = null);
