// The README's "Using an exported model from plain ML.NET" snippet, compiled here; MlNetExportTests checks that the
// README shows exactly the lines between the markers.
// README-SNIPPET-START
using Microsoft.ML;

namespace Classifier.Tests.MlNet;

public sealed class ArticleText
{
    public string Text { get; set; } = "";
}

public sealed class StancePrediction
{
    public string PredictedLabel { get; set; } = "";
    public float[] Score { get; set; } = [];
}

public static class ScoreWithMlNet
{
    public static StancePrediction Run(string modelPath, string text)
    {
        var ml = new MLContext();
        var model = ml.Model.Load(modelPath, out _);
        var engine = ml.Model.CreatePredictionEngine<ArticleText, StancePrediction>(model);
        return engine.Predict(new ArticleText { Text = text });
    }
}
// README-SNIPPET-END
