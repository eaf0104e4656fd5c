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
    private readonly double[][] _histograms;
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
        _histograms = new double[leaves][];
        for (int i = 0; i < leaves; i++) _histograms[i] = new double[3 * data.TotalBins];
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
    public void Grow(ReadOnlySpan<int> rows, ReadOnlySpan<float> gradients, ReadOnlySpan<float> hessians)
    {
        _freeHistograms.Clear();
        for (int i = _histograms.Length - 1; i >= 0; i--) _freeHistograms.Push(i);
        rows.CopyTo(_order);
        NodeCount = 0;

        double g = 0, h = 0;
        foreach (int r in rows) { g += gradients[r]; h += hessians[r]; }
        _begin[0] = 0;
        _count[0] = rows.Length;
        _sumG[0] = g;
        _sumH[0] = h;
        _parentNode[0] = -1;
        _histogram[0] = _freeHistograms.Pop();
        BuildHistogram(0, gradients, hessians);
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
        for (int i = begin; i < begin + count; i++)
        {
            int r = _order[i];
            if (_data.BinOf(r, feature) <= code) _order[begin + left++] = r;
            else _scratch[right++] = r;
        }
        _scratch.AsSpan(0, right).CopyTo(_order.AsSpan(begin + left));

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
        BuildHistogram(small, gradients, hessians);
        System.Numerics.Tensors.TensorPrimitives.Subtract(_histograms[parentHistogram], _histograms[_histogram[small]], _histograms[parentHistogram]);
        FindBestSplit(leaf);
        FindBestSplit(newLeaf);
    }

    private void BuildHistogram(int leaf, ReadOnlySpan<float> gradients, ReadOnlySpan<float> hessians)
    {
        var hist = _histograms[_histogram[leaf]];
        Array.Clear(hist);
        var codes = _data.Codes;
        var starts = _data.RowStarts;
        foreach (int r in _order.AsSpan(_begin[leaf], _count[leaf]))
        {
            double g = gradients[r], h = hessians[r];
            int end = starts[r + 1];
            for (int p = starts[r]; p < end; p++)
            {
                int c3 = codes[p] * 3;
                hist[c3] += g;
                hist[c3 + 1] += h;
                hist[c3 + 2] += 1;
            }
        }

        // Zero bins were never touched: they hold what the leaf's totals leave over.
        double totalG = _sumG[leaf], totalH = _sumH[leaf], totalC = _count[leaf];
        var binStart = _data.BinStart;
        var zeroBin = _data.ZeroBin;
        for (int f = 0; f < zeroBin.Length; f++)
        {
            double g = 0, h = 0, c = 0;
            for (int b = binStart[f] * 3, end = binStart[f + 1] * 3; b < end; b += 3)
            {
                g += hist[b];
                h += hist[b + 1];
                c += hist[b + 2];
            }
            int z = zeroBin[f] * 3;
            hist[z] = totalG - g;
            hist[z + 1] = totalH - h;
            hist[z + 2] = totalC - c;
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
        for (int f = 0; f < zeroBin.Length; f++)
        {
            // A feature whose rows all sit in one bin cannot split this leaf; in sparse text that is most of them.
            if (hist[zeroBin[f] * 3 + 2] >= count) continue;
            double gl = 0, hl = 0;
            int cl = 0;
            for (int b = binStart[f], last = binStart[f + 1] - 1; b < last; b++)
            {
                gl += hist[3 * b];
                hl += hist[3 * b + 1];
                cl += (int)hist[3 * b + 2];
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
