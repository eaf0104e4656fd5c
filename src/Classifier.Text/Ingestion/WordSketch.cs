namespace Classifier.Text.Ingestion;

/// <summary>
/// A fixed-size set of word hashes (a one-hash Bloom filter): "has the article used this word?" in constant memory,
/// however long the article. A false "yes" only keeps a line that might have been dropped.
/// </summary>
internal sealed class WordSketch
{
    private const int Bits = 1 << 20;
    private readonly ulong[] _bits = new ulong[Bits / 64];

    public void Add(string word)
    {
        uint h = Hash(word) & (Bits - 1);
        _bits[h >> 6] |= 1UL << (int)(h & 63);
    }

    public bool Contains(string word)
    {
        uint h = Hash(word) & (Bits - 1);
        return (_bits[h >> 6] & (1UL << (int)(h & 63))) != 0;
    }

    private static uint Hash(string s)
    {
        uint h = 2166136261;
        foreach (char c in s) { h ^= c; h *= 16777619; }
        return h;
    }
}
