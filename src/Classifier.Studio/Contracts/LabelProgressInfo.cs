namespace Classifier.Studio.Contracts;

/// <summary>How far labelling is: answers in the file, paragraphs left, this session's answers and skips, per head per value counts.</summary>
public sealed record LabelProgressInfo(int Labelled, int Remaining, int Answered, int Skipped, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts);
