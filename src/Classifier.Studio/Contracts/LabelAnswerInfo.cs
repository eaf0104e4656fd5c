namespace Classifier.Studio.Contracts;

/// <summary>One of this session's earlier answers as it stands now (labels per head in the schema's order).</summary>
public sealed record LabelAnswerInfo(string Id, string Text, IReadOnlyList<string> Labels, string Note, DateTimeOffset LabelledAt);
