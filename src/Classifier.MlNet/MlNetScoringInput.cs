namespace Classifier.MlNet;

/// <summary>
/// What a pooled PredictionEngine is fed: the text, and an empty label for models made elsewhere (Model Builder, the
/// mlnet CLI) whose saved pipeline still maps a text Label column to a key and so expects the column to exist.
/// </summary>
internal sealed class MlNetScoringInput
{
    public string Text { get; set; } = "";

    public string Label { get; set; } = "";
}
