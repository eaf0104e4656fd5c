using Classifier.Engine.Metrics;

namespace Classifier.Trainer.Reports;

/// <summary>Everything the report says about one head.</summary>
public sealed record HeadReport(string Head, IReadOnlyList<string> Labels, MulticlassMetrics Metrics, ReliabilityBins Reliability, IReadOnlyList<Mistake> Mistakes)
{
    /// <summary>The stance convention (SemEval-2016 Task 6): mean F1 of the two sides, neutral unscored; null for other heads.</summary>
    public double? FAverage => Labels.Contains("pro-serbia") && Labels.Contains("pro-kosovo") ? Metrics.FAverage("pro-serbia", "pro-kosovo") : null;
}
