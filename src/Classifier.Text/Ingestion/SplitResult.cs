namespace Classifier.Text.Ingestion;

/// <summary>What <see cref="ParagraphSplitter"/> made of one article: the kept paragraphs and the dropped lines, each in line order.</summary>
public sealed record SplitResult(IReadOnlyList<Paragraph> Kept, IReadOnlyList<DroppedParagraph> Dropped);
