namespace Classifier.Engine.Metrics;

/// <summary>Calibration of the top-class confidence: equal-width bins over [0, 1] and the expected calibration error.</summary>
public sealed record ReliabilityBins(IReadOnlyList<ReliabilityBin> Bins, double ExpectedCalibrationError)
{
    /// <summary>ECE = Σ_b (n_b / n) · |accuracy_b − confidence_b| (Guo et al. 2017).</summary>
    public static ReliabilityBins Compute(ReadOnlySpan<int> truth, ReadOnlySpan<float> probabilities, int classCount, int binCount = 10)
    {
        if (binCount < 1) throw new ArgumentOutOfRangeException(nameof(binCount), "at least one bin");
        if (probabilities.Length != truth.Length * classCount)
            throw new ArgumentException($"{probabilities.Length} probabilities for {truth.Length} rows of {classCount} classes.");
        var count = new int[binCount];
        var confidence = new double[binCount];
        var correct = new int[binCount];
        for (int i = 0; i < truth.Length; i++)
        {
            var p = probabilities.Slice(i * classCount, classCount);
            int predicted = MulticlassMetrics.ArgMax(p);
            int b = Math.Min(binCount - 1, (int)(p[predicted] * binCount));
            count[b]++;
            confidence[b] += p[predicted];
            if (predicted == truth[i]) correct[b]++;
        }
        var bins = new ReliabilityBin[binCount];
        double ece = 0;
        for (int b = 0; b < binCount; b++)
        {
            double meanConfidence = count[b] == 0 ? 0 : confidence[b] / count[b];
            double accuracy = count[b] == 0 ? 0 : (double)correct[b] / count[b];
            bins[b] = new ReliabilityBin((double)b / binCount, (double)(b + 1) / binCount, count[b], meanConfidence, accuracy);
            if (truth.Length > 0) ece += (double)count[b] / truth.Length * Math.Abs(accuracy - meanConfidence);
        }
        return new ReliabilityBins(bins, ece);
    }
}
