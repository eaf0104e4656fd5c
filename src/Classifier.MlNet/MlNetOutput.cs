namespace Classifier.MlNet;

/// <summary>
/// The output of an ML.NET classification model: the predicted label's name and one score per class, in the order of
/// the label's key values (the Score column's slot names). Our models' scores are probabilities.
/// </summary>
public sealed class MlNetOutput
{
    public string PredictedLabel { get; set; } = "";

    public float[] Score { get; set; } = [];
}
