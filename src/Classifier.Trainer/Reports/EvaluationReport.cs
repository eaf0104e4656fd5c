using Classifier.Engine.Metrics;
using Classifier.Engine.Pipeline;

namespace Classifier.Trainer.Reports;

/// <summary>An accuracy report: what was evaluated, on what, and the per-head results. Rendered by <see cref="ReportWriter"/>.</summary>
public sealed record EvaluationReport(string Title, string Data, string Model, DateTimeOffset CreatedUtc, IReadOnlyList<HeadReport> Heads)
{
    public const int MistakesShown = 10;

    public static EvaluationReport Build(string title, string data, string model, IReadOnlyList<OutOfFoldPredictions> predictions,
        IReadOnlyList<string> texts, IReadOnlyList<string> ids)
    {
        var heads = new List<HeadReport>(predictions.Count);
        foreach (var p in predictions)
        {
            var metrics = MulticlassMetrics.Compute(p.Labels, p.Truth, p.Probabilities);
            var reliability = ReliabilityBins.Compute(p.Truth, p.Probabilities, p.Labels.Count);
            var intervals = BootstrapInterval.Of(p.Truth, Predicted(p), p.Labels.Count);
            heads.Add(new HeadReport(p.Head, p.Labels, metrics, reliability, ConfidentMistakes(p, texts, ids), intervals));
        }
        return new EvaluationReport(title, data, model, DateTimeOffset.UtcNow, heads);
    }

    /// <summary>The same report with the majority-class baseline (same rows) beside each head.</summary>
    public EvaluationReport WithBaseline(IReadOnlyList<OutOfFoldPredictions> baseline)
    {
        var heads = new List<HeadReport>(Heads.Count);
        for (int h = 0; h < Heads.Count; h++)
            heads.Add(Heads[h] with { Baseline = MulticlassMetrics.Compute(baseline[h].Labels, baseline[h].Truth, baseline[h].Probabilities) });
        return this with { Heads = heads };
    }

    /// <summary>The figures stored in the model's manifest, by head.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> MetricsByHead()
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        foreach (var h in Heads)
        {
            var m = new Dictionary<string, double>
            {
                ["macroF1"] = h.Metrics.MacroF1,
                ["microAccuracy"] = h.Metrics.MicroAccuracy,
                ["macroAccuracy"] = h.Metrics.MacroAccuracy,
                ["logLoss"] = h.Metrics.LogLoss,
                ["kappa"] = h.Metrics.Kappa,
            };
            if (h.FAverage is { } f) m["fAvg"] = f;
            result[h.Head] = m;
        }
        return result;
    }

    private static int[] Predicted(OutOfFoldPredictions p)
    {
        int k = p.Labels.Count;
        var predicted = new int[p.Truth.Length];
        for (int j = 0; j < predicted.Length; j++) predicted[j] = MulticlassMetrics.ArgMax(p.Probabilities.AsSpan(j * k, k));
        return predicted;
    }

    private static List<Mistake> ConfidentMistakes(OutOfFoldPredictions p, IReadOnlyList<string> texts, IReadOnlyList<string> ids)
    {
        int k = p.Labels.Count;
        var mistakes = new List<Mistake>();
        for (int j = 0; j < p.Rows.Length; j++)
        {
            var probs = p.Probabilities.AsSpan(j * k, k);
            int predicted = MulticlassMetrics.ArgMax(probs);
            if (predicted == p.Truth[j]) continue;
            int row = p.Rows[j];
            mistakes.Add(new Mistake(ids[row], texts[row], p.Labels[p.Truth[j]], p.Labels[predicted], probs[predicted]));
        }
        mistakes.Sort((a, b) => b.Confidence.CompareTo(a.Confidence));
        return mistakes.Count > MistakesShown ? mistakes.GetRange(0, MistakesShown) : mistakes;
    }
}
