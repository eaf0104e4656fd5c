using System.Runtime.CompilerServices;

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
    // The counters are cleared pass by pass, so the 8 KB stackalloc need not be zeroed on entry as well.
    [SkipLocalsInit]
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

    /// <summary>
    /// Sorts <paramref name="keys"/> (non-negative, below 2^<paramref name="bits"/>) ascending with one counting pass
    /// on the high bits and an insertion sort that finishes each bucket. For keys spread evenly over their range (hashed
    /// features) buckets hold about one key, so this is one pass instead of <see cref="Sort"/>'s two, and the insertion
    /// sort moves a key only when two distinct keys share a bucket. Crowded buckets (keys bunched in a small part of
    /// the range) would make the insertion sort quadratic: past a budget of moves it hands over to <see cref="Sort"/>.
    /// </summary>
    [SkipLocalsInit]
    public static void SortSpread(Span<int> keys, Span<int> scratch, int bits)
    {
        if (keys.Length < 64)
        {
            keys.Sort();
            return;
        }
        // About one bucket per key, at most 2^11 (the counters stay in L1 and the prefix sum stays short).
        int bucketBits = Math.Min(Math.Min(DigitBits, bits), 32 - int.LeadingZeroCount(keys.Length - 1));
        int shift = bits - bucketBits, buckets = 1 << bucketBits;
        Span<int> counts = stackalloc int[Buckets];
        counts = counts[..buckets];
        counts.Clear();
        foreach (int k in keys) counts[k >> shift]++;
        int sum = 0;
        for (int b = 0; b < buckets; b++) { int c = counts[b]; counts[b] = sum; sum += c; }
        var to = scratch[..keys.Length];
        foreach (int k in keys) to[counts[k >> shift]++] = k;
        // Insertion sort over the whole array: a key never moves past the start of its bucket, since every earlier
        // bucket's keys are smaller.
        long budget = 8L * keys.Length;
        keys[0] = to[0];
        for (int i = 1; i < to.Length; i++)
        {
            int k = to[i], j = i - 1;
            while (j >= 0 && keys[j] > k)
            {
                keys[j + 1] = keys[j];
                j--;
            }
            keys[j + 1] = k;
            budget -= i - 1 - j;
            if (budget < 0)
            {
                to[(i + 1)..].CopyTo(keys[(i + 1)..]);
                Sort(keys, scratch, bits);
                return;
            }
        }
    }
}
