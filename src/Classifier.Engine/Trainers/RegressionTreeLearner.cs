using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Classifier.Engine.Trainers;

/// <summary>
/// Grows one regression tree on <see cref="BinnedFeatures"/> by Newton boosting: histograms of gradient, hessian
/// and count per bin, best-leaf-first growth, the larger child's histogram taken as parent minus smaller child.
/// Split gain is the Newton gain G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) (the notes' least-squares gain
/// S²/n with the hessian in place of the count, which is what the Newton leaf values optimise); leaf value is
/// −lr·G/(H+λ), clipped. Owns its buffers, so one learner serves one tree at a time; results are only valid until
/// the next <see cref="Grow"/>.
/// </summary>
internal sealed class RegressionTreeLearner
{
    private readonly BinnedFeatures _data;
    private readonly FastTreeOptions _options;
    // Float bins halve the memory the random-access histogram writes touch, which is what bounds their speed;
    // per-feature and per-leaf sums stay double.
    private readonly float[][] _histograms;
    // Per histogram buffer: per-feature sums of the non-zero bins and the features present in the leaf. Only those
    // features' bins are valid; every other feature is all-zero in the leaf and cannot split it.
    private readonly double[][] _featureSums;
    private readonly int[][] _present;
    private readonly int[] _presentCount;
    private readonly int[] _leafOf;
    private readonly int[] _mark;
    private int _markNow;
    private int _sampled;
    private readonly Stack<int> _freeHistograms = new();
    private readonly int[] _order;
    private readonly int[] _scratch;

    // Per leaf (index = leaf id in the tree being grown).
    private readonly int[] _begin, _count, _histogram, _parentNode;
    private readonly bool[] _isLeft;
    private readonly double[] _sumG, _sumH;
    private readonly double[] _bestGain, _bestLeftG, _bestLeftH;
    private readonly int[] _bestFeature, _bestCode, _bestLeftCount;

    public RegressionTreeLearner(BinnedFeatures data, FastTreeOptions options)
    {
        _data = data;
        _options = options;
        int leaves = options.NumberOfLeaves;
        _histograms = new float[leaves][];
        _featureSums = new double[leaves][];
        _present = new int[leaves][];
        _presentCount = new int[leaves];
        for (int i = 0; i < leaves; i++)
        {
            _histograms[i] = new float[3 * data.TotalBins];
            _featureSums[i] = new double[3 * data.FeatureCount];
            _present[i] = new int[data.FeatureCount];
        }
        _leafOf = new int[data.RowCount];
        _mark = new int[data.RowCount];
        _order = new int[data.RowCount];
        _scratch = new int[data.RowCount];
        _begin = new int[leaves];
        _count = new int[leaves];
        _histogram = new int[leaves];
        _parentNode = new int[leaves];
        _isLeft = new bool[leaves];
        _sumG = new double[leaves];
        _sumH = new double[leaves];
        _bestGain = new double[leaves];
        _bestLeftG = new double[leaves];
        _bestLeftH = new double[leaves];
        _bestFeature = new int[leaves];
        _bestCode = new int[leaves];
        _bestLeftCount = new int[leaves];
        NodeFeature = new int[leaves - 1];
        NodeCode = new int[leaves - 1];
        NodeLeft = new int[leaves - 1];
        NodeRight = new int[leaves - 1];
        NodeGain = new double[leaves - 1];
        LeafValue = new double[leaves];
    }

    // The grown tree: internal nodes in creation order (a child's index is always above its parent's);
    // children ≥ 0 are internal nodes, negative ones are ~leaf.
    public int NodeCount { get; private set; }
    public int LeafCount => NodeCount + 1;
    public int[] NodeFeature { get; }
    public int[] NodeCode { get; }
    public int[] NodeLeft { get; }
    public int[] NodeRight { get; }
    public double[] NodeGain { get; }
    public double[] LeafValue { get; }

    /// <summary>The training rows that ended in <paramref name="leaf"/>.</summary>
    public ReadOnlySpan<int> LeafRows(int leaf) => _order.AsSpan(_begin[leaf], _count[leaf]);

    /// <summary>Grows a tree on <paramref name="rows"/> (ascending row ids) fitted to the given gradients and hessians.</summary>
    /// <param name="rows">Training rows the tree sees, ascending.</param>
    /// <param name="gradients">Gradient per row (indexed by row id).</param>
    /// <param name="hessians">Hessian per row (indexed by row id).</param>
    /// <param name="roots">Root histograms already built for every row, or null to build the root here.</param>
    /// <param name="rootClass">Which class of <paramref name="roots"/> this tree fits.</param>
    public void Grow(ReadOnlySpan<int> rows, ReadOnlySpan<float> gradients, ReadOnlySpan<float> hessians,
        SharedRootHistograms? roots = null, int rootClass = 0)
    {
        _freeHistograms.Clear();
        for (int i = _histograms.Length - 1; i >= 0; i--) _freeHistograms.Push(i);
        rows.CopyTo(_order);
        NodeCount = 0;
        _sampled = rows.Length;
        if (rows.Length < _leafOf.Length) Array.Fill(_leafOf, -1);
        foreach (int r in rows) _leafOf[r] = 0;

        double g = 0, h = 0;
        foreach (int r in rows) { g += gradients[r]; h += hessians[r]; }
        _begin[0] = 0;
        _count[0] = rows.Length;
        _sumG[0] = g;
        _sumH[0] = h;
        _parentNode[0] = -1;
        _histogram[0] = _freeHistograms.Pop();
        if (roots is not null && rows.Length == _data.RowCount)
        {
            int buffer = _histogram[0];
            roots.Bins[rootClass].CopyTo(_histograms[buffer], 0);
            roots.FeatureSums[rootClass].CopyTo(_featureSums[buffer], 0);
            roots.Present.AsSpan(0, roots.PresentCount).CopyTo(_present[buffer]);
            _presentCount[buffer] = roots.PresentCount;
        }
        else
        {
            BuildHistogram(0, -1, gradients, hessians);
        }
        FindBestSplit(0);

        int leafCount = 1;
        while (leafCount < _options.NumberOfLeaves)
        {
            int best = -1;
            for (int l = 0; l < leafCount; l++)
                if (_bestGain[l] > 0 && (best < 0 || _bestGain[l] > _bestGain[best])) best = l;
            if (best < 0) break;
            Split(best, leafCount, gradients, hessians);
            leafCount++;
        }

        double lambda = _options.L2Regularization, clip = _options.MaximumLeafOutput, rate = _options.LearningRate;
        for (int l = 0; l < leafCount; l++)
        {
            double value = _sumH[l] + lambda > 0 ? -rate * _sumG[l] / (_sumH[l] + lambda) : 0;
            LeafValue[l] = Math.Clamp(value, -clip, clip);
        }
    }

    private void Split(int leaf, int newLeaf, ReadOnlySpan<float> gradients, ReadOnlySpan<float> hessians)
    {
        int node = NodeCount++;
        int feature = _bestFeature[leaf], code = _bestCode[leaf];
        NodeFeature[node] = feature;
        NodeCode[node] = code;
        NodeGain[node] = _bestGain[leaf];
        NodeLeft[node] = ~leaf;
        NodeRight[node] = ~newLeaf;
        if (_parentNode[leaf] >= 0)
        {
            if (_isLeft[leaf]) NodeLeft[_parentNode[leaf]] = node; else NodeRight[_parentNode[leaf]] = node;
        }

        // Stable partition of the leaf's rows: left rows stay in place, right rows follow them.
        int begin = _begin[leaf], count = _count[leaf], left = 0, right = 0;
        int columnLength = _data.ColumnStarts[feature + 1] - _data.ColumnStarts[feature];
        if (columnLength <= 8L * count)
        {
            // Walk the feature's column once and mark the leaf's rows that do not go where zeros go; this beats a
            // binary search in every row unless the column is much longer than the leaf.
            bool zeroLeft = _data.ZeroBin[feature] <= code;
            int mark = ++_markNow;
            for (int p = _data.ColumnStarts[feature], end = _data.ColumnStarts[feature + 1]; p < end; p++)
            {
                int r = _data.ColumnRows[p];
                if (_leafOf[r] == leaf && (_data.ColumnCodes[p] <= code) != zeroLeft) _mark[r] = mark;
            }
            for (int i = begin; i < begin + count; i++)
            {
                int r = _order[i];
                if ((_mark[r] == mark) != zeroLeft) _order[begin + left++] = r;
                else _scratch[right++] = r;
            }
        }
        else
        {
            for (int i = begin; i < begin + count; i++)
            {
                int r = _order[i];
                if (_data.BinOf(r, feature) <= code) _order[begin + left++] = r;
                else _scratch[right++] = r;
            }
        }
        _scratch.AsSpan(0, right).CopyTo(_order.AsSpan(begin + left));
        System.Diagnostics.Debug.Assert(left == _bestLeftCount[leaf], "partition disagrees with the histogram");
        foreach (int r in _scratch.AsSpan(0, right)) _leafOf[r] = newLeaf;

        double parentG = _sumG[leaf], parentH = _sumH[leaf];
        _begin[newLeaf] = begin + left;
        _count[newLeaf] = right;
        _count[leaf] = left;
        _sumG[leaf] = _bestLeftG[leaf];
        _sumH[leaf] = _bestLeftH[leaf];
        _sumG[newLeaf] = parentG - _bestLeftG[leaf];
        _sumH[newLeaf] = parentH - _bestLeftH[leaf];
        _parentNode[leaf] = node;
        _isLeft[leaf] = true;
        _parentNode[newLeaf] = node;
        _isLeft[newLeaf] = false;

        // Build the smaller child from its rows; the larger one is the parent's histogram minus it, in place.
        int parentHistogram = _histogram[leaf];
        int small = left <= right ? leaf : newLeaf, large = small == leaf ? newLeaf : leaf;
        _histogram[small] = _freeHistograms.Pop();
        _histogram[large] = parentHistogram;
        BuildHistogram(small, parentHistogram, gradients, hessians);
        SubtractInto(parentHistogram, _histogram[small]);
        FindBestSplit(leaf);
        FindBestSplit(newLeaf);
    }

    /// <param name="leaf">The leaf whose rows are summed.</param>
    /// <param name="parentBuffer">Histogram buffer of the leaf's parent (its present features bound the leaf's), or −1.</param>
    /// <param name="gradients">Gradient per row.</param>
    /// <param name="hessians">Hessian per row.</param>
    private void BuildHistogram(int leaf, int parentBuffer, ReadOnlySpan<float> gradients, ReadOnlySpan<float> hessians)
    {
        // Large leaves read the codes column by column so each feature's bins stay in cache; small ones row by row
        // so the work follows their rows only.
        if (parentBuffer < 0 || 4L * _count[leaf] >= _sampled) BuildByColumns(leaf, gradients, hessians);
        else BuildByRows(leaf, parentBuffer, gradients, hessians);
    }

    private void BuildByColumns(int leaf, ReadOnlySpan<float> gradients, ReadOnlySpan<float> hessians)
    {
        int buffer = _histogram[leaf];
        var hist = _histograms[buffer];
        var present = _present[buffer];
        var sums = _featureSums[buffer];
        int presentCount = 0;
        var binStart = _data.BinStart;
        var columnStarts = _data.ColumnStarts;
        var columnRows = _data.ColumnRows;
        var columnCodes = _data.ColumnCodes;
        var leafOf = _leafOf;
        bool everyRow = _count[leaf] == _data.RowCount;
        for (int f = 0; f < binStart.Length - 1; f++)
        {
            Array.Clear(hist, 3 * binStart[f], 3 * (binStart[f + 1] - binStart[f]));
            double g = 0, h = 0;
            int c = 0;
            for (int p = columnStarts[f], end = columnStarts[f + 1]; p < end; p++)
            {
                int r = columnRows[p];
                if (!everyRow && leafOf[r] != leaf) continue;
                float gr = gradients[r], hr = hessians[r];
                int c3 = columnCodes[p] * 3;
                hist[c3] += gr;
                hist[c3 + 1] += hr;
                hist[c3 + 2] += 1;
                g += gr;
                h += hr;
                c++;
            }
            if (c == 0) continue;
            present[presentCount++] = f;
            sums[3 * f] = g;
            sums[3 * f + 1] = h;
            sums[3 * f + 2] = c;
        }
        _presentCount[buffer] = presentCount;
    }

    /// <summary>
    /// Row-wise build for a child: only features present in the parent can be present here, so their bins are
    /// cleared up front and the hot loop needs no per-value bookkeeping.
    /// </summary>
    private void BuildByRows(int leaf, int parentBuffer, ReadOnlySpan<float> gradients, ReadOnlySpan<float> hessians)
    {
        int buffer = _histogram[leaf];
        var hist = _histograms[buffer];
        var binStart = _data.BinStart;
        var parentPresent = _present[parentBuffer];
        int parentCount = _presentCount[parentBuffer];
        for (int i = 0; i < parentCount; i++)
        {
            int f = parentPresent[i];
            Array.Clear(hist, 3 * binStart[f], 3 * (binStart[f + 1] - binStart[f]));
        }

        var codes = _data.Codes;
        var starts = _data.RowStarts;
        ref float bins = ref MemoryMarshal.GetArrayDataReference(hist);
        foreach (int r in _order.AsSpan(_begin[leaf], _count[leaf]))
        {
            float g = gradients[r], h = hessians[r];
            // Hot loop: codes come from BinnedFeatures and are valid bins by construction, so skip bounds checks.
            for (int p = starts[r], end = starts[r + 1]; p < end; p++)
            {
                ref float bin = ref Unsafe.Add(ref bins, codes[p] * 3);
                bin += g;
                Unsafe.Add(ref bin, 1) += h;
                Unsafe.Add(ref bin, 2) += 1;
            }
        }

        var present = _present[buffer];
        var sums = _featureSums[buffer];
        int presentCount = 0;
        for (int i = 0; i < parentCount; i++)
        {
            int f = parentPresent[i];
            double g = 0, h = 0, c = 0;
            for (int b = binStart[f] * 3, end = binStart[f + 1] * 3; b < end; b += 3)
            {
                g += hist[b];
                h += hist[b + 1];
                c += hist[b + 2];
            }
            if (c == 0) continue;
            present[presentCount++] = f;
            sums[3 * f] = g;
            sums[3 * f + 1] = h;
            sums[3 * f + 2] = c;
        }
        _presentCount[buffer] = presentCount;
    }

    /// <summary>Parent minus smaller child, in the parent's buffer: only features present in the child change.</summary>
    private void SubtractInto(int parent, int child)
    {
        var into = _histograms[parent];
        var from = _histograms[child];
        var intoSums = _featureSums[parent];
        var fromSums = _featureSums[child];
        var binStart = _data.BinStart;
        var present = _present[child];
        for (int i = 0, n = _presentCount[child]; i < n; i++)
        {
            int f = present[i];
            int lo = 3 * binStart[f], length = 3 * (binStart[f + 1] - binStart[f]);
            System.Numerics.Tensors.TensorPrimitives.Subtract(into.AsSpan(lo, length), from.AsSpan(lo, length), into.AsSpan(lo, length));
            intoSums[3 * f] -= fromSums[3 * f];
            intoSums[3 * f + 1] -= fromSums[3 * f + 1];
            intoSums[3 * f + 2] -= fromSums[3 * f + 2];
        }
    }

    private void FindBestSplit(int leaf)
    {
        _bestGain[leaf] = 0;
        _bestFeature[leaf] = -1;
        int count = _count[leaf], minLeaf = _options.MinimumExampleCountPerLeaf;
        if (count < 2 * minLeaf) return;
        var hist = _histograms[_histogram[leaf]];
        double totalG = _sumG[leaf], totalH = _sumH[leaf];
        double lambda = _options.L2Regularization, minH = _options.MinimumHessianPerLeaf;
        double parentScore = totalG * totalG / (totalH + lambda);
        var binStart = _data.BinStart;
        var zeroBin = _data.ZeroBin;
        double bestGain = 0, bestLeftG = 0, bestLeftH = 0;
        int bestFeature = -1, bestCode = -1, bestLeftCount = 0;
        int buffer = _histogram[leaf];
        var sums = _featureSums[buffer];
        var present = _present[buffer];
        for (int i = 0, n = _presentCount[buffer]; i < n; i++)
        {
            int f = present[i];
            // The zero bin is never stored: it holds what the feature's non-zero bins leave of the leaf's totals.
            double nonZeroCount = sums[3 * f + 2];
            if (nonZeroCount <= 0) continue;
            double zeroG = totalG - sums[3 * f], zeroH = totalH - sums[3 * f + 1];
            int zeroC = count - (int)nonZeroCount, zero = zeroBin[f];
            double gl = 0, hl = 0;
            int cl = 0;
            for (int b = binStart[f], last = binStart[f + 1] - 1; b < last; b++)
            {
                if (b == zero)
                {
                    gl += zeroG;
                    hl += zeroH;
                    cl += zeroC;
                }
                else
                {
                    gl += hist[3 * b];
                    hl += hist[3 * b + 1];
                    cl += (int)hist[3 * b + 2];
                }
                if (cl < minLeaf || hl < minH) continue;
                int cr = count - cl;
                if (cr < minLeaf) break;
                double gr = totalG - gl, hr = totalH - hl;
                if (hr < minH) continue;
                double gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parentScore;
                if (gain > bestGain)
                {
                    bestGain = gain;
                    bestFeature = f;
                    bestCode = b;
                    bestLeftG = gl;
                    bestLeftH = hl;
                    bestLeftCount = cl;
                }
            }
        }
        _bestGain[leaf] = bestGain;
        _bestFeature[leaf] = bestFeature;
        _bestCode[leaf] = bestCode;
        _bestLeftG[leaf] = bestLeftG;
        _bestLeftH[leaf] = bestLeftH;
        _bestLeftCount[leaf] = bestLeftCount;
    }
}
