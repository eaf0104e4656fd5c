namespace Classifier.Engine.Featurization;

/// <summary>
/// Document frequencies of 64-bit n-gram hashes: an open-addressing table (linear probing, power-of-two size) that
/// counts a hash once per document without a per-document set, by remembering the last document that counted it.
/// Learning a vocabulary over 120k paragraphs makes ~10⁸ of these updates; a <see cref="Dictionary{TKey, TValue}"/>
/// plus a <see cref="HashSet{T}"/> of the document's hashes took three lookups each.
/// </summary>
public sealed class DocumentFrequencyTable
{
    private ulong[] _keys;
    private int[] _lastDocument; // document index + 1 of the last count; 0 marks an empty slot
    private int[] _counts;
    private bool[] _isChar;
    private int _size;

    public DocumentFrequencyTable(int capacity = 1 << 16)
    {
        int size = 1;
        while (size < capacity) size <<= 1;
        _keys = new ulong[size];
        _lastDocument = new int[size];
        _counts = new int[size];
        _isChar = new bool[size];
    }

    public int Count => _size;

    /// <summary>Counts <paramref name="hash"/> for <paramref name="document"/> unless that document already counted it; documents come in ascending order.</summary>
    public void Add(ulong hash, int document, bool isChar)
    {
        int mask = _keys.Length - 1;
        int slot = VocabularyIndex.Slot(hash, mask);
        int stamp = document + 1;
        while (true)
        {
            int last = _lastDocument[slot];
            if (last == 0)
            {
                _keys[slot] = hash;
                _lastDocument[slot] = stamp;
                _counts[slot] = 1;
                _isChar[slot] = isChar;
                if (++_size * 2 > _keys.Length) Grow();
                return;
            }
            if (_keys[slot] == hash)
            {
                if (last != stamp)
                {
                    _lastDocument[slot] = stamp;
                    _counts[slot]++;
                    _isChar[slot] = isChar;
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The hashes counted in at least <paramref name="minCount"/> documents, split into word and character n-grams.</summary>
    public void Frequent(int minCount, List<ulong> words, List<ulong> chars)
    {
        for (int slot = 0; slot < _keys.Length; slot++)
            if (_lastDocument[slot] != 0 && _counts[slot] >= minCount) (_isChar[slot] ? chars : words).Add(_keys[slot]);
    }

    private void Grow()
    {
        var keys = _keys;
        var last = _lastDocument;
        var counts = _counts;
        var isChar = _isChar;
        int size = keys.Length * 2, mask = size - 1;
        _keys = new ulong[size];
        _lastDocument = new int[size];
        _counts = new int[size];
        _isChar = new bool[size];
        for (int old = 0; old < keys.Length; old++)
        {
            if (last[old] == 0) continue;
            int slot = VocabularyIndex.Slot(keys[old], mask);
            while (_lastDocument[slot] != 0) slot = (slot + 1) & mask;
            _keys[slot] = keys[old];
            _lastDocument[slot] = last[old];
            _counts[slot] = counts[old];
            _isChar[slot] = isChar[old];
        }
    }
}
