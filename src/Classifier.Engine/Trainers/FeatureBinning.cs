namespace Classifier.Engine.Trainers;

/// <summary>
/// Quantises one feature column into at most <c>maxBins</c> bins described by their upper bounds: a value falls in
/// the first bin whose upper bound is ≥ the value, so "bin ≤ b" is exactly "value ≤ upper[b]" and a tree split on
/// bins becomes a float threshold. Zero (the implicit value of a sparse column) always has a bin of its own.
/// </summary>
public static class FeatureBinning
{
    /// <summary>
    /// Upper bounds of the bins of a column. With at most <paramref name="maxBins"/> distinct values (zero included)
    /// every value gets its own bin and bounds sit at midpoints; otherwise negatives and positives are each cut into
    /// roughly equal-mass bins greedily, sharing the budget in proportion to their mass. The last bound is +∞.
    /// </summary>
    /// <param name="sortedNonZeros">The column's non-zero values in ascending order (duplicates allowed).</param>
    /// <param name="maxBins">Most bins, zero bin included; at least 3.</param>
    public static float[] UpperBounds(ReadOnlySpan<float> sortedNonZeros, int maxBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBins, 3);
        int negatives = 0;
        while (negatives < sortedNonZeros.Length && sortedNonZeros[negatives] < 0f) negatives++;
        var neg = sortedNonZeros[..negatives];
        var pos = sortedNonZeros[negatives..];
        int distinctNeg = Distinct(neg), distinctPos = Distinct(pos);

        var bounds = new List<float>(Math.Min(maxBins, distinctNeg + distinctPos + 1));
        if (distinctNeg + distinctPos + 1 <= maxBins)
        {
            CutEach(neg, bounds);
            bounds.Add(0f);
            CutEach(pos, bounds);
        }
        else
        {
            int budget = maxBins - 1;
            int negBudget = neg.Length == 0 ? 0 : pos.Length == 0 ? budget
                : Math.Clamp((int)Math.Round((double)budget * neg.Length / sortedNonZeros.Length), 1, budget - 1);
            CutEqualMass(neg, negBudget, bounds);
            bounds.Add(0f);
            CutEqualMass(pos, budget - negBudget, bounds);
        }

        // Each recorded bound is the largest value of its bin; turn it into the midpoint with the next bin's smallest.
        var result = bounds.ToArray();
        for (int b = 0; b < result.Length - 1; b++)
            result[b] = Midpoint(result[b], NextValue(b, result, sortedNonZeros));
        result[^1] = float.PositiveInfinity;
        return result;
    }

    /// <summary>The bin of <paramref name="value"/>: the first whose upper bound is ≥ it (binary search).</summary>
    /// <param name="upperBounds">Bounds from <see cref="UpperBounds"/>.</param>
    /// <param name="value">The feature value.</param>
    public static int BinOf(ReadOnlySpan<float> upperBounds, float value)
    {
        int lo = 0, hi = upperBounds.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (value <= upperBounds[mid]) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>A threshold t with a ≤ t &lt; b, as close to the middle as float rounding allows.</summary>
    private static float Midpoint(float a, float b)
    {
        float t = (float)(((double)a + b) / 2.0);
        return t >= b || t < a ? a : t;
    }

    /// <summary>The smallest value above the largest value of bin b (zero counts as a value of its own).</summary>
    private static float NextValue(int b, float[] maxima, ReadOnlySpan<float> sorted)
    {
        float max = maxima[b];
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= max) lo = mid + 1; else hi = mid;
        }
        float next = lo < sorted.Length ? sorted[lo] : float.PositiveInfinity;
        return max < 0f && next > 0f ? 0f : next;
    }

    private static int Distinct(ReadOnlySpan<float> sorted)
    {
        int n = 0;
        for (int i = 0; i < sorted.Length; i++)
            if (i == 0 || sorted[i] != sorted[i - 1]) n++;
        return n;
    }

    private static void CutEach(ReadOnlySpan<float> sorted, List<float> maxima)
    {
        for (int i = 0; i < sorted.Length; i++)
            if (i == sorted.Length - 1 || sorted[i + 1] != sorted[i]) maxima.Add(sorted[i]);
    }

    /// <summary>
    /// Greedy equal-mass cut: close a bin once it holds the remaining mass divided by the remaining bins, never
    /// splitting equal values, so each bin's mass stays near the ideal even when a few values repeat a lot.
    /// </summary>
    private static void CutEqualMass(ReadOnlySpan<float> sorted, int budget, List<float> maxima)
    {
        if (sorted.Length == 0) return;
        if (Distinct(sorted) <= budget)
        {
            CutEach(sorted, maxima);
            return;
        }
        int remainingBins = budget;
        int remainingMass = sorted.Length;
        int current = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            current++;
            bool valueEnds = i == sorted.Length - 1 || sorted[i + 1] != sorted[i];
            if (!valueEnds) continue;
            if (i == sorted.Length - 1)
            {
                maxima.Add(sorted[i]);
                return;
            }
            if (remainingBins > 1 && (double)current * remainingBins >= remainingMass)
            {
                maxima.Add(sorted[i]);
                remainingMass -= current;
                remainingBins--;
                current = 0;
            }
        }
    }
}
