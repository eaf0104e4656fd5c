using Classifier.Engine.Pipeline;
using Classifier.Trainer.Reports;

namespace Classifier.Tests.Reports;

/// <summary>Builds a report from (truth, predicted, confidence) rows, the other classes sharing the rest of the probability.</summary>
public static class ReportSample
{
    public static EvaluationReport Build(IReadOnlyList<string> labels, IReadOnlyList<(int Truth, int Predicted, float Confidence)> rows)
    {
        int k = labels.Count;
        var probabilities = new float[rows.Count * k];
        for (int i = 0; i < rows.Count; i++)
            for (int c = 0; c < k; c++)
                probabilities[i * k + c] = c == rows[i].Predicted ? rows[i].Confidence : (1 - rows[i].Confidence) / (k - 1);
        var predictions = new OutOfFoldPredictions("stance", labels, [.. Enumerable.Range(0, rows.Count)], [.. rows.Select(r => r.Truth)], probabilities);
        var ids = rows.Select((_, i) => $"p{i}").ToArray();
        var texts = rows.Select((_, i) => $"paragraph {i} & <more>").ToArray();
        return EvaluationReport.Build("Sample report", "data.csv", "model.zip", [predictions], texts, ids);
    }

    /// <summary>Confusion a:[3,1,0], b:[0,2,0], c:[1,0,0] (rows actual): per-class P .75/.667/0, R .75/1/0, F1 .75/.8/0.</summary>
    public static EvaluationReport Asymmetric() => Build(["a", "b", "c"],
        [(0, 0, 0.9f), (0, 0, 0.8f), (0, 0, 0.7f), (0, 1, 0.6f), (1, 1, 0.95f), (1, 1, 0.55f), (2, 0, 0.45f)]);
}
