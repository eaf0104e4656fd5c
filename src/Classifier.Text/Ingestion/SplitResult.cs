namespace Classifier.Text.Ingestion;

public sealed record SplitResult(IReadOnlyList<Paragraph> Kept, IReadOnlyList<DroppedParagraph> Dropped);
