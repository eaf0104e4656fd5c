using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Classifier.Engine.Data;

namespace Classifier.Engine.Models;

/// <summary>
/// scores_c += Σ_j x_j·W[j, c] over a sparse row, for feature-major weights (<c>W[j·K + c]</c>): the inner loop of
/// linear and naive Bayes scoring.
/// </summary>
internal static class SparseScores
{
    /// <summary>
    /// Adds each feature's weights times its value (its magnitude when <paramref name="absolute"/>) to
    /// <paramref name="scores"/> (<paramref name="classCount"/> long), in feature order. Features at or beyond
    /// <paramref name="featureCount"/> are ignored.
    /// </summary>
    public static void MultiplyAdd(float[] weights, int featureCount, int classCount, SparseRow features, Span<float> scores, bool absolute)
    {
        if (classCount <= Vector256<float>.Count && Vector256.IsHardwareAccelerated)
        {
            InRegister(weights, featureCount, classCount, features.Indices, features.Values, scores, absolute);
            return;
        }
        var idx = features.Indices;
        var val = features.Values;
        var w = weights.AsSpan();
        int k = classCount;
        for (int i = 0; i < idx.Length; i++)
        {
            int j = idx[i];
            if ((uint)j >= (uint)featureCount) continue;
            TensorPrimitives.MultiplyAdd(w.Slice(j * k, k), absolute ? MathF.Abs(val[i]) : val[i], scores, scores);
        }
    }

    // Up to 8 classes: the scores live in one vector register for the whole row instead of going through memory per
    // feature, and each feature's weights are one (unaligned, 8-wide) load; lanes past the class count pick up the
    // next feature's weights and are never read. Each lane computes score + w·x with a separate multiply and add, in
    // feature order, exactly as TensorPrimitives.MultiplyAdd does, so the scores are bit-identical to the general loop
    // (LinearModelScoresTests). The weights (features × classes floats, 20 MB for 2^20 features and 5 classes) are far
    // larger than the caches: the weights a few features ahead are prefetched so their misses overlap.
    private static unsafe void InRegister(float[] weights, int featureCount, int k, ReadOnlySpan<int> idx, ReadOnlySpan<float> val,
        Span<float> scores, bool absolute)
    {
        const int Ahead = 8;
        var acc = Vector256<float>.Zero;
        for (int c = 0; c < k; c++) acc = acc.WithElement(c, scores[c]);
        // The last 8-wide load must stay inside the array: a feature whose slice ends closer than 8 floats to the end
        // takes the scalar path.
        long vectorLimit = (long)weights.Length - Vector256<float>.Count;
        fixed (float* w = weights)
        {
            for (int i = 0; i < idx.Length; i++)
            {
                if (Sse.IsSupported && i + Ahead < idx.Length && (uint)idx[i + Ahead] < (uint)featureCount)
                    Sse.Prefetch0(w + (long)idx[i + Ahead] * k);
                int j = idx[i];
                if ((uint)j >= (uint)featureCount) continue;
                float x = absolute ? MathF.Abs(val[i]) : val[i];
                long at = (long)j * k;
                if (at <= vectorLimit) acc += Vector256.Load(w + at) * Vector256.Create(x);
                else
                    for (int c = 0; c < k; c++) acc = acc.WithElement(c, acc.GetElement(c) + w[at + c] * x);
            }
        }
        for (int c = 0; c < k; c++) scores[c] = acc.GetElement(c);
    }
}
