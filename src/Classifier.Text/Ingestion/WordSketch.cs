namespace Classifier.Text.Ingestion;

/// <summary>
/// A fixed-size set of word hashes (a one-hash Bloom filter): "has the article used this word?" in constant memory,
/// however long the article. A false "yes" only keeps a line that might have been dropped.
/// </summary>
/// <remarks>
/// Until it holds <see cref="MaxFew"/> distinct hashes it keeps them in a hash set instead of the 128 KB bit array: the
/// answers are the same (a bit is set exactly when its hash was added), and a short article does not pay for a
/// large-object allocation and the garbage collections that come with one per article.
/// </remarks>
internal sealed class WordSketch
{
    private const int Bits = 1 << 20;
    private const int MaxFew = 2048;
    private HashSet<uint>? _few = [];
    private ulong[]? _bits;

    public void Add(string word)
    {
        uint h = Hash(word) & (Bits - 1);
        if (_few is not null)
        {
            if (_few.Count < MaxFew || _few.Contains(h)) { _few.Add(h); return; }
            _bits = new ulong[Bits / 64];
            foreach (uint f in _few) Set(_bits, f);
            _few = null;
        }
        Set(_bits!, h);
    }

    public bool Contains(string word)
    {
        uint h = Hash(word) & (Bits - 1);
        if (_few is not null) return _few.Contains(h);
        return (_bits![h >> 6] & (1UL << (int)(h & 63))) != 0;
    }

    private static void Set(ulong[] bits, uint h) => bits[h >> 6] |= 1UL << (int)(h & 63);

    private static uint Hash(string s)
    {
        uint h = 2166136261;
        foreach (char c in s) { h ^= c; h *= 16777619; }
        return h;
    }
}
