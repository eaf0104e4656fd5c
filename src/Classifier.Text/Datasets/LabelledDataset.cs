namespace Classifier.Text.Datasets;

/// <summary>
/// Labelled text loaded from one or more CSV files: a text per row, one label per head (label column), an optional
/// group key (rows of one group stay in one cross-validation fold) and a weight. A missing label for a head is null:
/// the row still trains the heads it has labels for.
/// </summary>
public sealed record LabelledDataset(
    IReadOnlyList<string> Ids,
    IReadOnlyList<string> Texts,
    IReadOnlyList<string> HeadNames,
    IReadOnlyList<string?[]> Labels,
    IReadOnlyList<string> Groups,
    float[] Weights,
    bool[] TrainOnly,
    int SkippedEmptyText)
{
    public int Count => Texts.Count;

    /// <summary>Rows dropped because a later row of the same file had the same id (the later row wins).</summary>
    public int OverriddenRows { get; init; }

    /// <summary>The labels of one head, row by row (null where the row has none).</summary>
    public string?[] LabelsOf(int head)
    {
        var result = new string?[Count];
        for (int i = 0; i < Count; i++) result[i] = Labels[i][head];
        return result;
    }

    /// <summary>
    /// The same rows with every text replaced by the empty string, for the time after featurization: training 120k
    /// paragraphs holds ~130 MB of text it no longer reads. Ids, labels, groups and weights stay.
    /// </summary>
    public LabelledDataset WithoutTexts()
    {
        var empty = new string[Count];
        Array.Fill(empty, "");
        return this with { Texts = empty };
    }

    /// <summary>Appends another dataset with the same heads (e.g. the supplement or weak labels).</summary>
    public LabelledDataset Concat(LabelledDataset other)
    {
        if (!HeadNames.SequenceEqual(other.HeadNames, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"cannot combine datasets with label columns [{string.Join(", ", HeadNames)}] and [{string.Join(", ", other.HeadNames)}]");
        return new LabelledDataset(
            [.. Ids, .. other.Ids], [.. Texts, .. other.Texts], HeadNames, [.. Labels, .. other.Labels], [.. Groups, .. other.Groups],
            [.. Weights, .. other.Weights], [.. TrainOnly, .. other.TrainOnly], SkippedEmptyText + other.SkippedEmptyText)
        {
            OverriddenRows = OverriddenRows + other.OverriddenRows,
        };
    }
}
