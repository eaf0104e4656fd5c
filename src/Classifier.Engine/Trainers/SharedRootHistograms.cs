using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Classifier.Engine.Trainers;

/// <summary>
/// The root histograms of all K trees of one softmax round, built in one column-wise pass: the K roots hold the
/// same rows, so each stored code is read once and feeds K classes (gradients interleaved per row so the K values
/// share a cache line). Features are independent, so the pass is split over feature chunks in parallel and the
/// result does not depend on the thread count. Each bin sums its rows in column order.
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
        int k = ClassCount, stride = 2 * k, width = 2 * k + 1;
        var binStart = _data.BinStart;
        var columnStarts = _data.ColumnStarts;
        var columnRows = _data.ColumnRows;
        var columnCodes = _data.ColumnCodes;
        int firstBin = binStart[from];
        // The chunk's bins for all classes side by side (count, then g/h per class): small enough to stay in cache.
        var local = new float[(binStart[to] - firstBin) * width];
        var cursor = new int[to - from];
        for (int f = from; f < to; f++) cursor[f - from] = columnStarts[f];

        // Rows are taken in blocks so the block's gradients stay in cache while every column of the chunk reads
        // them; columns list rows ascending, so each bin still sums its rows in row order.
        const int Block = 4096;
        ref float ghBase = ref MemoryMarshal.GetArrayDataReference(interleaved);
        ref float localBase = ref MemoryMarshal.GetArrayDataReference(local);
        for (int rowEnd = Block; rowEnd - Block < _data.RowCount; rowEnd += Block)
        {
            for (int f = from; f < to; f++)
            {
                int p = cursor[f - from], end = columnStarts[f + 1];
                // Hot loop: rows and codes come from BinnedFeatures and are in range by construction.
                for (; p < end && columnRows[p] < rowEnd; p++)
                {
                    ref float gh = ref Unsafe.Add(ref ghBase, (nint)columnRows[p] * stride);
                    ref float bin = ref Unsafe.Add(ref localBase, (columnCodes[p] - firstBin) * width);
                    bin += 1;
                    ref float sum = ref Unsafe.Add(ref bin, 1);
                    int j = 0;
                    for (; j + 8 <= stride; j += 8)
                        (Vector256.LoadUnsafe(ref sum, (nuint)j) + Vector256.LoadUnsafe(ref gh, (nuint)j)).StoreUnsafe(ref sum, (nuint)j);
                    for (; j < stride; j++) Unsafe.Add(ref sum, j) += Unsafe.Add(ref gh, j);
                }
                cursor[f - from] = p;
            }
        }

        var sums = new double[stride];
        for (int f = from; f < to; f++)
        {
            Array.Clear(sums);
            for (int b = binStart[f]; b < binStart[f + 1]; b++)
            {
                var bin = local.AsSpan((b - firstBin) * width, width);
                int at = 3 * b;
                for (int c = 0; c < k; c++)
                {
                    var into = Bins[c];
                    into[at] = bin[1 + 2 * c];
                    into[at + 1] = bin[2 + 2 * c];
                    into[at + 2] = bin[0];
                    sums[2 * c] += bin[1 + 2 * c];
                    sums[2 * c + 1] += bin[2 + 2 * c];
                }
            }
            int n = columnStarts[f + 1] - columnStarts[f];
            for (int c = 0; c < k; c++)
            {
                FeatureSums[c][3 * f] = sums[2 * c];
                FeatureSums[c][3 * f + 1] = sums[2 * c + 1];
                FeatureSums[c][3 * f + 2] = n;
            }
        }
    }
}
