namespace Classifier.Engine.Featurization;

/// <summary>
/// Least-significant-digit radix sort of non-negative ints below 2^<c>bits</c>, in passes of 11 bits. For the
/// ~1,000 n-gram keys of a paragraph it is several times faster than a comparison sort, and featurization spends
/// much of its time sorting keys.
/// </summary>
public static class RadixSort
{
    private const int DigitBits = 11, Buckets = 1 << DigitBits;

    /// <summary>Sorts <paramref name="keys"/> ascending, using <paramref name="scratch"/> (at least as long) as the other buffer.</summary>
    public static void Sort(Span<int> keys, Span<int> scratch, int bits)
    {
        if (keys.Length < 64)
        {
            keys.Sort();
            return;
        }
        // As few passes as 11-bit digits need, with the bits spread evenly over them: 20-bit keys take two passes of
        // 10 bits, so each pass clears and sums 1,024 counters instead of 2,048.
        int passCount = Math.Max(1, (bits + DigitBits - 1) / DigitBits);
        int digitBits = (bits + passCount - 1) / passCount, buckets = 1 << digitBits, digitMask = buckets - 1;
        Span<int> counts = stackalloc int[Buckets];
        counts = counts[..buckets];
        var from = keys;
        var to = scratch[..keys.Length];
        int passes = 0;
        for (int shift = 0; shift < bits; shift += digitBits, passes++)
        {
            counts.Clear();
            foreach (int k in from) counts[(k >> shift) & digitMask]++;
            int sum = 0;
            for (int b = 0; b < buckets; b++) { int c = counts[b]; counts[b] = sum; sum += c; }
            foreach (int k in from) to[counts[(k >> shift) & digitMask]++] = k;
            var swap = from;
            from = to;
            to = swap;
        }
        if (passes % 2 == 1) from.CopyTo(keys);
    }
}
