using Classifier.Engine.Data;
using Classifier.Engine.Persistence;

namespace Classifier.Engine.Models;

/// <summary>
/// Boosted regression trees: score_c = bias_c + Σ over the trees of class c of the leaf the row reaches.
/// Trees are flat arrays; tree t owns internal nodes <c>[NodeStart[t], NodeStart[t+1])</c> and leaves
/// <c>[LeafStart[t], LeafStart[t+1])</c>. Node i sends a row left when its value of <c>SplitFeature[i]</c> (0 when
/// absent) is ≤ <c>Threshold[i]</c>; a child ≥ 0 is a node of the same tree (always above its parent, so walks
/// end), a child &lt; 0 is leaf ~child. Immutable: safe to share across threads.
/// </summary>
public sealed class TreeEnsembleModel : IMulticlassModel
{
    private readonly float[] _bias;
    private readonly int[] _treeClass, _nodeStart, _leafStart, _splitFeature, _left, _right;
    private readonly float[] _threshold, _leafValue;
    // The distinct split features ascending, and each node's position among them: a row is scattered once into a
    // dense vector of these so every node reads its value in O(1) instead of searching the row.
    private readonly int[] _usedFeatures, _splitSlot;

    /// <summary>Checks every size, index and child link; invalid arrays throw <see cref="InvalidDataException"/>.</summary>
    /// <param name="featureCount">Number of input features.</param>
    /// <param name="classCount">Number of classes, at least two.</param>
    /// <param name="output">How scores become probabilities.</param>
    /// <param name="bias">Initial score per class.</param>
    /// <param name="treeClass">The class each tree adds to.</param>
    /// <param name="nodeStart">Per tree, the first internal node (length trees + 1).</param>
    /// <param name="leafStart">Per tree, the first leaf (length trees + 1); each tree has one leaf more than nodes.</param>
    /// <param name="splitFeature">Original feature index of each internal node.</param>
    /// <param name="threshold">Go-left threshold of each internal node (value ≤ threshold).</param>
    /// <param name="left">Left child of each internal node (tree-relative; negative = ~leaf).</param>
    /// <param name="right">Right child of each internal node (tree-relative; negative = ~leaf).</param>
    /// <param name="leafValue">Value of each leaf.</param>
    public TreeEnsembleModel(int featureCount, int classCount, TreeEnsembleOutput output, float[] bias, int[] treeClass,
        int[] nodeStart, int[] leafStart, int[] splitFeature, float[] threshold, int[] left, int[] right, float[] leafValue)
    {
        if (featureCount < 0 || classCount < 2 || !Enum.IsDefined(output))
            throw new InvalidDataException($"tree ensemble header is invalid ({featureCount} features, {classCount} classes, output {output})");
        BinaryFormat.Expect(bias.Length, classCount, "tree ensemble bias count");
        int trees = treeClass.Length;
        BinaryFormat.Expect(nodeStart.Length, trees + 1L, "tree ensemble node-start count");
        BinaryFormat.Expect(leafStart.Length, trees + 1L, "tree ensemble leaf-start count");
        BinaryFormat.Expect(nodeStart[0], 0, "first node start");
        BinaryFormat.Expect(leafStart[0], 0, "first leaf start");
        BinaryFormat.Expect(nodeStart[trees], splitFeature.Length, "internal node count");
        BinaryFormat.Expect(threshold.Length, splitFeature.Length, "threshold count");
        BinaryFormat.Expect(left.Length, splitFeature.Length, "left child count");
        BinaryFormat.Expect(right.Length, splitFeature.Length, "right child count");
        BinaryFormat.Expect(leafStart[trees], leafValue.Length, "leaf count");
        foreach (var b in bias)
            if (!float.IsFinite(b)) throw new InvalidDataException("tree ensemble bias is not finite");
        for (int t = 0; t < trees; t++)
        {
            if ((uint)treeClass[t] >= (uint)classCount) throw new InvalidDataException($"tree {t} adds to class {treeClass[t]} outside [0, {classCount})");
            int nodes = nodeStart[t + 1] - nodeStart[t];
            int leaves = leafStart[t + 1] - leafStart[t];
            if (nodeStart[t + 1] < nodeStart[t] || nodeStart[t + 1] > splitFeature.Length || nodes < 0)
                throw new InvalidDataException($"tree {t} has an invalid node range");
            if (leafStart[t + 1] < leafStart[t] || leafStart[t + 1] > leafValue.Length || leaves != nodes + 1)
                throw new InvalidDataException($"tree {t} has {leaves} leaves for {nodes} internal nodes");
            for (int i = 0; i < nodes; i++)
            {
                int at = nodeStart[t] + i;
                if ((uint)splitFeature[at] >= (uint)featureCount) throw new InvalidDataException($"tree {t} splits on feature {splitFeature[at]} outside [0, {featureCount})");
                if (float.IsNaN(threshold[at])) throw new InvalidDataException($"tree {t} has a NaN threshold");
                CheckChild(t, i, left[at], nodes, leaves);
                CheckChild(t, i, right[at], nodes, leaves);
            }
        }
        foreach (var v in leafValue)
            if (!float.IsFinite(v)) throw new InvalidDataException("tree ensemble leaf value is not finite");

        FeatureCount = featureCount;
        ClassCount = classCount;
        Output = output;
        _bias = bias;
        _treeClass = treeClass;
        _nodeStart = nodeStart;
        _leafStart = leafStart;
        _splitFeature = splitFeature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _leafValue = leafValue;
        var used = new SortedSet<int>(splitFeature);
        _usedFeatures = [.. used];
        _splitSlot = new int[splitFeature.Length];
        for (int i = 0; i < splitFeature.Length; i++) _splitSlot[i] = Array.BinarySearch(_usedFeatures, splitFeature[i]);
    }

    private static void CheckChild(int tree, int node, int child, int nodes, int leaves)
    {
        bool ok = child >= 0 ? child > node && child < nodes : ~child < leaves;
        if (!ok) throw new InvalidDataException($"tree {tree} node {node} has invalid child {child}");
    }

    public string Kind => "tree-ensemble";
    public int FeatureCount { get; }
    public int ClassCount { get; }
    public TreeEnsembleOutput Output { get; }
    public int TreeCount => _treeClass.Length;

    /// <summary>Raw class scores: bias plus the leaf values reached in every tree of the class.</summary>
    public void Scores(SparseRow features, Span<float> scores)
    {
        _bias.CopyTo(scores);
        int used = _usedFeatures.Length;
        float[]? rented = used > 2048 ? System.Buffers.ArrayPool<float>.Shared.Rent(used) : null;
        Span<float> dense = rented is null ? stackalloc float[used] : rented.AsSpan(0, used);
        dense.Clear();
        var indices = features.Indices;
        var values = features.Values;
        for (int i = 0, u = 0; i < indices.Length && u < used; i++)
        {
            int j = indices[i];
            while (u < used && _usedFeatures[u] < j) u++;
            if (u < used && _usedFeatures[u] == j) dense[u] = values[i];
        }
        for (int t = 0; t < _treeClass.Length; t++)
        {
            int nodeBase = _nodeStart[t];
            int child = _nodeStart[t + 1] == nodeBase ? ~0 : 0;
            while (child >= 0)
            {
                int at = nodeBase + child;
                child = dense[_splitSlot[at]] <= _threshold[at] ? _left[at] : _right[at];
            }
            scores[_treeClass[t]] += _leafValue[_leafStart[t] + ~child];
        }
        if (rented is not null) System.Buffers.ArrayPool<float>.Shared.Return(rented);
    }

    /// <summary>The tree-relative leaf that <paramref name="features"/> reaches in tree <paramref name="tree"/>.</summary>
    /// <param name="tree">Tree index in [0, <see cref="TreeCount"/>).</param>
    /// <param name="features">The example.</param>
    public int LeafOf(int tree, SparseRow features)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)tree, (uint)TreeCount, nameof(tree));
        int nodeBase = _nodeStart[tree];
        int child = _nodeStart[tree + 1] == nodeBase ? ~0 : 0;
        while (child >= 0)
        {
            int at = nodeBase + child;
            int position = features.Indices.BinarySearch(_splitFeature[at]);
            float value = position >= 0 ? features.Values[position] : 0f;
            child = value <= _threshold[at] ? _left[at] : _right[at];
        }
        return ~child;
    }

    /// <summary>The class tree <paramref name="tree"/> adds to.</summary>
    /// <param name="tree">Tree index in [0, <see cref="TreeCount"/>).</param>
    public int TreeClass(int tree) => _treeClass[tree];

    public void PredictProbabilities(SparseRow features, Span<float> probabilities)
    {
        var p = probabilities[..ClassCount];
        Scores(features, p);
        if (Output == TreeEnsembleOutput.Softmax)
        {
            LinearModel.Softmax(p);
            return;
        }
        float total = 0f;
        for (int c = 0; c < p.Length; c++)
        {
            p[c] = LinearModel.Sigmoid(p[c]);
            total += p[c];
        }
        for (int c = 0; c < p.Length; c++) p[c] = total > 0f ? p[c] / total : 1f / p.Length;
    }

    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(FeatureCount);
        writer.Write(ClassCount);
        writer.Write((int)Output);
        BinaryFormat.WriteFloats(writer, _bias);
        BinaryFormat.WriteInts(writer, _treeClass);
        BinaryFormat.WriteInts(writer, _nodeStart);
        BinaryFormat.WriteInts(writer, _leafStart);
        BinaryFormat.WriteInts(writer, _splitFeature);
        BinaryFormat.WriteFloats(writer, _threshold);
        BinaryFormat.WriteInts(writer, _left);
        BinaryFormat.WriteInts(writer, _right);
        BinaryFormat.WriteFloats(writer, _leafValue);
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote; a truncated or corrupt model throws <see cref="InvalidDataException"/>.</summary>
    /// <param name="reader">Positioned at the model's data.</param>
    public static TreeEnsembleModel ReadFrom(BinaryReader reader)
    {
        try
        {
            int features = reader.ReadInt32();
            int classes = reader.ReadInt32();
            int output = reader.ReadInt32();
            var bias = BinaryFormat.ReadFloats(reader);
            var treeClass = BinaryFormat.ReadInts(reader);
            var nodeStart = BinaryFormat.ReadInts(reader);
            var leafStart = BinaryFormat.ReadInts(reader);
            var splitFeature = BinaryFormat.ReadInts(reader);
            var threshold = BinaryFormat.ReadFloats(reader);
            var left = BinaryFormat.ReadInts(reader);
            var right = BinaryFormat.ReadInts(reader);
            var leafValue = BinaryFormat.ReadFloats(reader);
            return new TreeEnsembleModel(features, classes, (TreeEnsembleOutput)output, bias, treeClass, nodeStart, leafStart,
                splitFeature, threshold, left, right, leafValue);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("tree ensemble data ends early (truncated model)", e);
        }
    }
}
