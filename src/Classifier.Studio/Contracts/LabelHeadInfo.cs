namespace Classifier.Studio.Contracts;

/// <summary>One head of the labels file's schema: its values and the key of each (the terminal labeller's keys).</summary>
public sealed record LabelHeadInfo(string Name, IReadOnlyList<string> Values, IReadOnlyList<string> Keys);
