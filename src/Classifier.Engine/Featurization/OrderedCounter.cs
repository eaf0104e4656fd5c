using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Classifier.Engine.Featurization;

/// <summary>
/// Sums signed occurrences of feature indices and hands the sums back in ascending index order without sorting: a
/// gapped sorted array. A feature's home slot is the high bits of its index, so slot order is index order; features
/// that share a home, or are pushed past it, are kept in order within their run by shifting the run right by one.
/// With several slots per added key the runs stay a slot or two long, so an addition is one load and one store,
/// and an occupancy bitmap lets <see cref="Drain"/> visit only the used slots. Bunched indices (most in a small part
/// of the range) would make the shifts quadratic: past a budget of moves the additions report failure and the
/// caller sorts instead.
/// </summary>
/// <remarks>
/// Not thread-safe: one instance per thread, reused text after text; every <see cref="Drain"/> or <see cref="Clear"/>
/// leaves it empty, touching only the slots that were used.
/// </remarks>
public sealed class OrderedCounter
{
    // A slot is one long, the feature in the high half and its sum plus Bias in the low half, so an addition touches
    // one cache line; adding ±1 to the long never carries into the feature while the sum stays within ±2^31.
    private const long Bias = 1L << 31;
    // The feature half of an empty slot compares greater than every feature, so the in-run scans stop at the end of
    // a run without a second test.
    private const int EmptyKey = int.MaxValue;
    private const long Empty = ((long)EmptyKey << 32) | Bias;
    // 2^3 slots per addition: measured on the benchmark paragraphs, 2^2 was slower (more runs to shift) and 2^4 no faster.
    private const int SlotsPerAddBits = 3;
    private const int MaxSlotBits = 16;

    private long[] _slots = [];
    private ulong[] _used = [];
    private int[] _deferred = [];
    private int _shift, _length, _distinct, _maxAdds;
    private long _budget;

    /// <summary>Distinct features added since <see cref="Begin"/> (some may sum to zero).</summary>
    public int Distinct => _distinct;

    /// <summary>
    /// Starts a count of at most <paramref name="maxAdds"/> additions of features in [0, 2^<paramref name="featureBits"/>).
    /// The counter must be empty (a fresh one, or drained or cleared since the last count).
    /// </summary>
    public void Begin(int maxAdds, int featureBits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAdds);
        ArgumentOutOfRangeException.ThrowIfNegative(featureBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(featureBits, 30);
        // About eight slots per addition (a paragraph's ~1,000 n-grams get 8,192), so a home is taken by another
        // feature for only a few percent of additions; past 2^16 slots, two per addition, to bound the memory.
        int addBits = 32 - BitOperations.LeadingZeroCount((uint)Math.Max(maxAdds, 1) - 1);
        int slotBits = Math.Min(featureBits, addBits + SlotsPerAddBits <= MaxSlotBits ? addBits + SlotsPerAddBits : Math.Max(MaxSlotBits, addBits + 1));
        _shift = featureBits - slotBits;
        // A run can spill past the last home by at most one slot per addition; one more slot stays Empty as a sentinel.
        _length = (1 << slotBits) + maxAdds + 1;
        if (_slots.Length < _length)
        {
            int grown = Math.Max(_length, Math.Min(2 * _slots.Length, Array.MaxLength));
            _slots = new long[grown];
            _used = new ulong[(grown + 63) / 64];
            Array.Fill(_slots, Empty);
        }
        _distinct = 0;
        _maxAdds = maxAdds;
        // Enough for runs a few slots long everywhere; bunched input exceeds it long before it turns quadratic.
        _budget = 8L * maxAdds + 64;
    }

    /// <summary>
    /// Adds ±1 at feature <c>offset + (hash &amp; mask)</c> for each hash, minus when its top bit is set. Returns false
    /// (the counter then holds a partial count and must be cleared) when the features are too bunched to keep in order
    /// cheaply.
    /// </summary>
    public bool AddHashed(ReadOnlySpan<ulong> hashes, int offset, uint mask)
    {
        if ((_maxAdds -= hashes.Length) < 0) throw new InvalidOperationException("more additions than Begin allowed for");
        if (_deferred.Length < hashes.Length) _deferred = new int[Math.Max(hashes.Length, 2 * _deferred.Length)];
        int shift = _shift, distinct = 0, deferredCount = 0;
        // One range check on the home stands for the bounds checks of both arrays (Begin sized them from it). Refs,
        // not fixed pointers: pinned locals live on the stack and push the loop's variables there too.
        uint length = (uint)_length;
        ref long slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        ref ulong used = ref MemoryMarshal.GetArrayDataReference(_used);
        ref int deferred = ref MemoryMarshal.GetArrayDataReference(_deferred);
        for (int i = 0; i < hashes.Length; i++)
        {
            ulong h = hashes[i];
            int f = offset + (int)((uint)h & mask);
            int home = f >> shift;
            if ((uint)home >= length) throw new ArgumentOutOfRangeException(nameof(offset), "a feature is outside the range Begin was given");
            ref long slot = ref Unsafe.Add(ref slots, home);
            long old = slot;
            int key = (int)(old >> 32);
            // Most homes are free or already hold this feature; the rest (a few percent) are placed after the loop,
            // since the order of additions does not change the sums. (Computing free-or-held without a branch, though
            // that branch mispredicts often, measured slower twice: 3.1 against 2.2 µs a paragraph.)
            long delta = 1 - 2 * (long)(h >> 63);
            if (key == f) slot = old + delta;
            else if (key == EmptyKey)
            {
                slot = (((long)f << 32) | Bias) + delta;
                Unsafe.Add(ref used, home >> 6) |= 1UL << home;
                distinct++;
            }
            else Unsafe.Add(ref deferred, deferredCount++) = i;
        }
        _distinct += distinct;
        for (int j = 0; j < deferredCount; j++)
        {
            ulong h = hashes[_deferred[j]];
            if (!Place(offset + (int)((uint)h & mask), 1 - 2 * (int)(h >> 63))) return false;
        }
        return true;
    }

    /// <summary>Adds <paramref name="delta"/> at <paramref name="feature"/>; false as for <see cref="AddHashed"/>.</summary>
    public bool Add(int feature, int delta)
    {
        if (--_maxAdds < 0) throw new InvalidOperationException("more additions than Begin allowed for");
        return Place(feature, delta);
    }

    // The general case (the home may hold another feature). Every slot before the home holds a smaller feature and
    // every feature of a later home is larger, so the feature belongs after the smaller ones of its run.
    private bool Place(int f, int delta)
    {
        long[] slots = _slots;
        int home = f >> _shift, s = home;
        if ((uint)home >= (uint)_length) throw new ArgumentOutOfRangeException(nameof(f), "a feature is outside the range Begin was given");
        while ((int)(slots[s] >> 32) < f) s++;
        _budget -= s - home;
        int key = (int)(slots[s] >> 32);
        if (key == f)
        {
            slots[s] += delta;
            return _budget >= 0;
        }
        if (key != EmptyKey)
        {
            int end = s + 1;
            while (slots[end] != Empty) end++;
            slots.AsSpan(s, end - s).CopyTo(slots.AsSpan(s + 1));
            _used[end >> 6] |= 1UL << end;
            _budget -= end - s;
        }
        slots[s] = (((long)f << 32) | Bias) + delta;
        _used[s >> 6] |= 1UL << s;
        _distinct++;
        return _budget >= 0;
    }

    /// <summary>
    /// Writes the features whose sum is not zero, ascending, with their sums, and empties the counter. Returns how many
    /// were written; <paramref name="indices"/> and <paramref name="values"/> need room for <see cref="Distinct"/>.
    /// <paramref name="prefetch"/>, when not empty, is a per-feature table (the IDF weights) whose line for each feature
    /// is fetched into the cache on the way, for the pass that reads it next.
    /// </summary>
    public unsafe int Drain(Span<int> indices, Span<float> values, ReadOnlySpan<float> prefetch = default)
    {
        bool fetch = Sse.IsSupported && !prefetch.IsEmpty;
        ref float table = ref MemoryMarshal.GetReference(prefetch);
        long[] slots = _slots;
        ulong[] used = _used;
        int n = 0;
        for (int w = 0, words = (_length + 63) / 64; w < words; w++)
        {
            ulong bits = used[w];
            if (bits == 0) continue;
            used[w] = 0;
            do
            {
                int s = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                long slot = slots[s];
                int c = (int)((slot & uint.MaxValue) - Bias), f = (int)(slot >> 32);
                // A prefetch is only a hint: an address the GC has since moved the table away from does no harm.
                if (fetch && (uint)f < (uint)prefetch.Length) Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref table, f)));
                indices[n] = f;
                values[n] = c;
                // Colliding n-grams of opposite sign may cancel: the next feature overwrites the slot instead of a
                // branch that drops it.
                n += c != 0 ? 1 : 0;
                slots[s] = Empty;
            } while (bits != 0);
        }
        _distinct = 0;
        return n;
    }

    /// <summary>Empties the counter without reading it (after a failed addition).</summary>
    public void Clear()
    {
        ulong[] used = _used;
        for (int w = 0, words = (_length + 63) / 64; w < words; w++)
        {
            ulong bits = used[w];
            if (bits == 0) continue;
            used[w] = 0;
            do
            {
                _slots[(w << 6) + BitOperations.TrailingZeroCount(bits)] = Empty;
                bits &= bits - 1;
            } while (bits != 0);
        }
        _distinct = 0;
    }
}
