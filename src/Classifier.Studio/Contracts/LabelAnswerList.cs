namespace Classifier.Studio.Contracts;

/// <summary>This session's answers, newest first.</summary>
public sealed record LabelAnswerList(IReadOnlyList<LabelAnswerInfo> Answers);
