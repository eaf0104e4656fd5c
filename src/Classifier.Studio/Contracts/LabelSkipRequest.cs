namespace Classifier.Studio.Contracts;

/// <summary>A skip: the id of the paragraph passed over.</summary>
public sealed record LabelSkipRequest(string? Id);
