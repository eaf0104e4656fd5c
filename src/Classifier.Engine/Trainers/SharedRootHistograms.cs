namespace Classifier.Engine.Trainers;

/// <summary>
/// The root histograms of all K trees of one softmax round, built in one column-wise pass: the K roots hold the
/// same rows, so each stored code is read once and feeds K classes (gradients interleaved per row so the K values
/// share a cache line). Features are independent, so the pass is split over feature chunks in parallel and the
/// result does not depend on the thread count. Sums follow the same order as a single-class column build.
/// </summary>
internal sealed class SharedRootHistograms
{
    private readonly BinnedFeatures _data;

    public SharedRootHistograms(BinnedFeatures data, int classCount)
    {
        _data = data;
        ClassCount = classCount;
        Bins = new float[classCount][];
        FeatureSums = new double[classCount][];
        for (int c = 0; c < classCount; c++)
        {
            Bins[c] = new float[3 * data.TotalBins];
            FeatureSums[c] = new double[3 * data.FeatureCount];
        }
        Present = new int[data.FeatureCount];
    }

    public int ClassCount { get; }
    public float[][] Bins { get; }
    public double[][] FeatureSums { get; }

    /// <summary>Features with at least one non-zero, ascending (the same for every class).</summary>
    public int[] Present { get; }
    public int PresentCount { get; private set; }

    /// <summary>Rebuilds every class's root from <paramref name="interleaved"/> = (g_0, h_0, …, g_K−1, h_K−1) per row.</summary>
    /// <param name="interleaved">Row-major gradients and hessians, 2·K floats per row.</param>
    /// <param name="parallelism">Degree of parallelism over feature chunks.</param>
    public void Build(float[] interleaved, int parallelism)
    {
        int features = _data.FeatureCount;
        int chunk = Math.Max(1, (features + 63) / 64);
        Parallel.For(0, (features + chunk - 1) / chunk, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            i => BuildRange(i * chunk, Math.Min(features, (i + 1) * chunk), interleaved));
        int count = 0;
        var counts = FeatureSums[0];
        for (int f = 0; f < features; f++)
            if (counts[3 * f + 2] > 0) Present[count++] = f;
        PresentCount = count;
    }

    private void BuildRange(int from, int to, float[] interleaved)
    {
        int k = ClassCount, stride = 2 * k;
        var binStart = _data.BinStart;
        var columnStarts = _data.ColumnStarts;
        var columnRows = _data.ColumnRows;
        var columnCodes = _data.ColumnCodes;
        Span<double> g = stackalloc double[k];
        Span<double> h = stackalloc double[k];
        for (int f = from; f < to; f++)
        {
            for (int c = 0; c < k; c++) Array.Clear(Bins[c], 3 * binStart[f], 3 * (binStart[f + 1] - binStart[f]));
            g.Clear();
            h.Clear();
            for (int p = columnStarts[f], end = columnStarts[f + 1]; p < end; p++)
            {
                int at = columnRows[p] * stride;
                int c3 = columnCodes[p] * 3;
                for (int c = 0; c < k; c++)
                {
                    float gr = interleaved[at + 2 * c], hr = interleaved[at + 2 * c + 1];
                    var bins = Bins[c];
                    bins[c3] += gr;
                    bins[c3 + 1] += hr;
                    bins[c3 + 2] += 1;
                    g[c] += gr;
                    h[c] += hr;
                }
            }
            int n = columnStarts[f + 1] - columnStarts[f];
            for (int c = 0; c < k; c++)
            {
                FeatureSums[c][3 * f] = g[c];
                FeatureSums[c][3 * f + 1] = h[c];
                FeatureSums[c][3 * f + 2] = n;
            }
        }
    }
}
