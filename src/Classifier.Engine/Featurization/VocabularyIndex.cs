using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Classifier.Engine.Featurization;

/// <summary>
/// A learned vocabulary's n-gram hash → feature index, read-only once built: open addressing with linear probing at
/// most half full, key and feature side by side so a lookup touches one cache line. Every n-gram of every text is
/// looked up here (~10⁸ lookups to featurize 120k paragraphs) in a table far larger than the caches, so callers
/// <see cref="Prefetch"/> the slots of the n-grams a few lookups ahead.
/// </summary>
public sealed class VocabularyIndex
{
    private struct Entry
    {
        public ulong Key;
        public int Feature; // feature index + 1; 0 marks an empty slot
    }

    private readonly Entry[] _entries;
    private readonly int _mask;

    /// <summary>Feature i is <paramref name="words"/>[i] for i below its length, then the character n-grams.</summary>
    public VocabularyIndex(ulong[] words, ulong[] chars)
    {
        int size = 2;
        while (size < 2L * (words.Length + chars.Length)) size <<= 1;
        _entries = new Entry[size];
        _mask = size - 1;
        for (int i = 0; i < words.Length; i++) Insert(words[i], i);
        for (int i = 0; i < chars.Length; i++) Insert(chars[i], words.Length + i);
    }

    public bool TryGetValue(ulong hash, out int feature)
    {
        int slot = Slot(hash, _mask);
        while (true)
        {
            ref var e = ref _entries[slot];
            if (e.Feature == 0) { feature = -1; return false; }
            if (e.Key == hash) { feature = e.Feature - 1; return true; }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Asks the CPU to bring <paramref name="hash"/>'s slot into the cache (a no-op without SSE).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong hash)
    {
        // A hint only: if the array moves meanwhile, the line fetched is merely useless.
        if (Sse.IsSupported)
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), Slot(hash, _mask))));
    }

    private void Insert(ulong hash, int feature)
    {
        int slot = Slot(hash, _mask);
        while (_entries[slot].Feature != 0 && _entries[slot].Key != hash) slot = (slot + 1) & _mask;
        _entries[slot].Key = hash;
        _entries[slot].Feature = feature + 1; // a repeated hash keeps its last feature, as a dictionary assignment would
    }

    /// <summary>The home slot of an n-gram hash in a power-of-two table (also <see cref="DocumentFrequencyTable"/>'s).</summary>
    // The n-gram hashes are already well mixed, but their high bits choose a shard while the vocabulary is learned
    // (TextFeaturizer), so the slot comes from a multiplicative remix of all of them.
    internal static int Slot(ulong hash, int mask) => (int)((hash * 0x9E3779B97F4A7C15UL) >> 32) & mask;
}
