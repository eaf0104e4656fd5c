namespace Classifier.MlNet;

/// <summary>A training row as ML.NET reads it: text, label name and example weight.</summary>
internal sealed class MlNetTrainingRow
{
    public string Text { get; set; } = "";

    public string Label { get; set; } = "";

    public float Weight { get; set; } = 1f;
}
