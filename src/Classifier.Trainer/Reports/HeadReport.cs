using Classifier.Engine.Metrics;

namespace Classifier.Trainer.Reports;

/// <summary>Everything the report says about one head.</summary>
/// <param name="Intervals">95% bootstrap intervals (over the scored rows) of macro-F1, accuracy and kappa.</param>
/// <param name="Baseline">The majority-class baseline on the same rows, when the report comes from cross-validation.</param>
public sealed record HeadReport(string Head, IReadOnlyList<string> Labels, MulticlassMetrics Metrics, ReliabilityBins Reliability, IReadOnlyList<Mistake> Mistakes,
    (BootstrapInterval MacroF1, BootstrapInterval Accuracy, BootstrapInterval Kappa) Intervals, MulticlassMetrics? Baseline = null)
{
    /// <summary>The stance convention (SemEval-2016 Task 6): mean F1 of the two sides, neutral unscored; null for other heads.</summary>
    public double? FAverage => FAverageOf(Metrics);

    public double? BaselineFAverage => Baseline is null ? null : FAverageOf(Baseline);

    private double? FAverageOf(MulticlassMetrics m) =>
        Labels.Contains("pro-serbia") && Labels.Contains("pro-kosovo") ? m.FAverage("pro-serbia", "pro-kosovo") : null;
}
