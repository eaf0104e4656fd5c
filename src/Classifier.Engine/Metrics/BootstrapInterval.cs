namespace Classifier.Engine.Metrics;

/// <summary>
/// A percentile bootstrap interval over rows: resample the scored rows with replacement, recompute the metric, take
/// the 2.5th and 97.5th percentiles. On a few dozen paragraphs one row moves a per-class F1 by 0.1, so a figure
/// without its interval says little.
/// </summary>
public sealed record BootstrapInterval(double Low, double High, int Resamples)
{
    public const int DefaultResamples = 1000;

    /// <summary>Intervals of macro-F1, micro accuracy and kappa from predicted classes (fixed seed: reports are reproducible).</summary>
    public static (BootstrapInterval MacroF1, BootstrapInterval Accuracy, BootstrapInterval Kappa) Of(
        ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classCount, int resamples = DefaultResamples, int seed = 17)
    {
        int n = truth.Length;
        var f1 = new double[resamples];
        var accuracy = new double[resamples];
        var kappa = new double[resamples];
        var random = new Random(seed);
        for (int r = 0; r < resamples; r++)
        {
            var confusion = new ConfusionMatrix(classCount);
            for (int i = 0; i < n; i++)
            {
                int j = random.Next(n);
                confusion.Add(truth[j], predicted[j]);
            }
            f1[r] = MulticlassMetrics.MacroF1Of(confusion);
            accuracy[r] = n == 0 ? 0 : confusion.Diagonal / n;
            kappa[r] = MulticlassMetrics.CohenKappa(confusion);
        }
        return (Percentiles(f1), Percentiles(accuracy), Percentiles(kappa));
    }

    private static BootstrapInterval Percentiles(double[] values)
    {
        Array.Sort(values);
        if (values.Length == 0) return new BootstrapInterval(0, 0, 0);
        int low = (int)Math.Floor(0.025 * (values.Length - 1)), high = (int)Math.Ceiling(0.975 * (values.Length - 1));
        return new BootstrapInterval(values[low], values[high], values.Length);
    }
}
