using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Classifier.Engine.Data;
using Classifier.Engine.Persistence;

namespace Classifier.Engine.Models;

/// <summary>
/// A linear multiclass model: score_c = Σ_j x_j·W[j, c] + b_c, turned into probabilities by <see cref="Output"/>.
/// Weights are stored feature-major (<c>W[j·K + c]</c>) so a sparse row touches one contiguous slice per feature.
/// Immutable: safe to share across threads.
/// </summary>
public sealed class LinearModel : IExplainableModel
{
    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly float[] _plattA;
    private readonly float[] _plattB;

    /// <param name="featureCount">Number of input features (columns).</param>
    /// <param name="classCount">Number of classes, at least two.</param>
    /// <param name="weights">Feature-major weights, length featureCount·classCount. Not copied: the caller gives up ownership.</param>
    /// <param name="biases">One bias per class.</param>
    /// <param name="output">How scores become probabilities.</param>
    /// <param name="plattA">Per-class Platt slope (only for <see cref="LinearOutput.PlattOneVersusAll"/>).</param>
    /// <param name="plattB">Per-class Platt offset (only for <see cref="LinearOutput.PlattOneVersusAll"/>).</param>
    public LinearModel(int featureCount, int classCount, float[] weights, float[] biases, LinearOutput output,
        float[]? plattA = null, float[]? plattB = null)
    {
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), "at least two classes");
        if (weights.Length != (long)featureCount * classCount) throw new ArgumentException("weights must be featureCount·classCount long", nameof(weights));
        if (biases.Length != classCount) throw new ArgumentException("one bias per class", nameof(biases));
        if (output == LinearOutput.PlattOneVersusAll && (plattA?.Length != classCount || plattB?.Length != classCount))
            throw new ArgumentException("Platt output needs one A and one B per class");
        FeatureCount = featureCount;
        ClassCount = classCount;
        Output = output;
        _weights = weights;
        _biases = biases;
        _plattA = plattA ?? [];
        _plattB = plattB ?? [];
    }

    public string Kind => "linear";
    public int FeatureCount { get; }
    public int ClassCount { get; }
    public LinearOutput Output { get; }

    /// <summary>The weight W[j, c]: what one unit of feature j adds to the score of class c.</summary>
    public float Weight(int classIndex, int feature) => _weights[(long)feature * ClassCount + classIndex];

    /// <summary>The bias b_c.</summary>
    public float Intercept(int classIndex) => _biases[classIndex];

    public float Contribution(int classIndex, int feature, float value) => value * Weight(classIndex, feature);

    /// <summary>Raw class scores Σ_j x_j·W[j, c] + b_c. Features at or beyond <see cref="FeatureCount"/> are ignored.</summary>
    public void Scores(SparseRow features, Span<float> scores)
    {
        int k = ClassCount;
        _biases.CopyTo(scores);
        var idx = features.Indices;
        var val = features.Values;
        if (k <= Vector256<float>.Count && Vector256.IsHardwareAccelerated)
        {
            ScoresInRegister(idx, val, scores[..k]);
            return;
        }
        var w = _weights.AsSpan();
        for (int i = 0; i < idx.Length; i++)
        {
            int j = idx[i];
            if ((uint)j >= (uint)FeatureCount) continue;
            TensorPrimitives.MultiplyAdd(w.Slice(j * k, k), val[i], scores[..k], scores[..k]);
        }
    }

    // Up to 8 classes: the scores live in one vector register for the whole row instead of going through memory per
    // feature, and each feature's weights are one (unaligned, 8-wide) load; lanes past the class count pick up the
    // next feature's weights and are never read. Each lane computes score + w·x with a separate multiply and add, in
    // feature order, exactly as TensorPrimitives.MultiplyAdd does, so the scores are bit-identical to the general loop.
    // The weights (features × classes floats, 20 MB for 2^20 features and 5 classes) are far larger than the caches:
    // the row's next weights are prefetched a few features ahead so their misses overlap.
    private unsafe void ScoresInRegister(ReadOnlySpan<int> idx, ReadOnlySpan<float> val, Span<float> scores)
    {
        const int Ahead = 8;
        int k = ClassCount;
        var acc = Vector256<float>.Zero;
        for (int c = 0; c < k; c++) acc = acc.WithElement(c, scores[c]);
        // The last 8-wide load must stay inside the array: features whose slice ends closer than 8 floats to the end
        // take the scalar path.
        long vectorLimit = (long)_weights.Length - Vector256<float>.Count;
        fixed (float* w = _weights)
        {
            for (int i = 0; i < idx.Length; i++)
            {
                if (Sse.IsSupported && i + Ahead < idx.Length && (uint)idx[i + Ahead] < (uint)FeatureCount)
                    Sse.Prefetch0(w + (long)idx[i + Ahead] * k);
                int j = idx[i];
                if ((uint)j >= (uint)FeatureCount) continue;
                long at = (long)j * k;
                if (at <= vectorLimit) acc += Vector256.Load(w + at) * Vector256.Create(val[i]);
                else
                    for (int c = 0; c < k; c++) acc = acc.WithElement(c, acc.GetElement(c) + w[at + c] * val[i]);
            }
        }
        for (int c = 0; c < k; c++) scores[c] = acc.GetElement(c);
    }

    public void PredictProbabilities(SparseRow features, Span<float> probabilities)
    {
        Scores(features, probabilities);
        if (Output == LinearOutput.Softmax)
        {
            Softmax(probabilities[..ClassCount]);
            return;
        }
        float total = 0f;
        for (int c = 0; c < ClassCount; c++)
        {
            probabilities[c] = Sigmoid(_plattA[c] * probabilities[c] + _plattB[c]);
            total += probabilities[c];
        }
        for (int c = 0; c < ClassCount; c++) probabilities[c] = total > 0f ? probabilities[c] / total : 1f / ClassCount;
    }

    /// <summary>In-place softmax, shifted by the maximum so large scores cannot overflow.</summary>
    public static void Softmax(Span<float> scores)
    {
        float max = float.NegativeInfinity;
        foreach (var s in scores) max = MathF.Max(max, s);
        float sum = 0f;
        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] = MathF.Exp(scores[c] - max);
            sum += scores[c];
        }
        for (int c = 0; c < scores.Length; c++) scores[c] /= sum;
    }

    public static float Sigmoid(float z) => z >= 0 ? 1f / (1f + MathF.Exp(-z)) : MathF.Exp(z) / (1f + MathF.Exp(z));

    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(FeatureCount);
        writer.Write(ClassCount);
        writer.Write((int)Output);
        BinaryFormat.WriteSparseRows(writer, _weights, ClassCount);
        BinaryFormat.WriteFloats(writer, _biases);
        BinaryFormat.WriteFloats(writer, _plattA);
        BinaryFormat.WriteFloats(writer, _plattB);
    }

    public static LinearModel ReadFrom(BinaryReader reader)
    {
        int features = reader.ReadInt32();
        int classes = reader.ReadInt32();
        int output = reader.ReadInt32();
        if (features < 0 || classes < 2 || !Enum.IsDefined((LinearOutput)output))
            throw new InvalidDataException($"linear model header is invalid ({features} features, {classes} classes, output {output})");
        var weights = BinaryFormat.ReadSparseRows(reader, features, classes, "linear model weights");
        var biases = BinaryFormat.ReadFloats(reader);
        BinaryFormat.Expect(biases.Length, classes, "linear model bias count");
        var a = BinaryFormat.ReadFloats(reader);
        var b = BinaryFormat.ReadFloats(reader);
        var kind = (LinearOutput)output;
        if (kind == LinearOutput.PlattOneVersusAll)
        {
            BinaryFormat.Expect(a.Length, classes, "Platt slope count");
            BinaryFormat.Expect(b.Length, classes, "Platt offset count");
        }
        return new LinearModel(features, classes, weights, biases, kind, a, b);
    }
}
