using Classifier.Engine.Featurization;

namespace Classifier.Tests.Engine.Featurization;

/// <summary>The two hash tables behind a learned vocabulary, against dictionary-based counting of the same hashes.</summary>
public sealed class VocabularyTablesTests
{
    [Fact]
    public void Document_frequencies_count_each_hash_once_per_document_through_growth()
    {
        var random = new Random(4);
        var table = new DocumentFrequencyTable(capacity: 4); // grows many times
        var expected = new Dictionary<ulong, (int Count, bool Char)>();
        for (int doc = 0; doc < 300; doc++)
        {
            var seen = new HashSet<ulong>();
            for (int i = 0; i < 50; i++)
            {
                // Small keys repeat within and across documents; 0 and ulong.MaxValue are ordinary keys.
                ulong hash = random.Next(4) switch { 0 => 0UL, 1 => ulong.MaxValue, _ => (ulong)random.Next(2000) * 0x1000000001UL };
                bool isChar = hash % 3 == 0;
                table.Add(hash, doc, isChar);
                if (seen.Add(hash)) expected[hash] = (expected.GetValueOrDefault(hash).Count + 1, isChar);
            }
        }
        Assert.Equal(expected.Count, table.Count);
        foreach (int minCount in new[] { 1, 5, 40 })
        {
            var words = new List<ulong>();
            var chars = new List<ulong>();
            table.Frequent(minCount, words, chars);
            Assert.Equal(expected.Where(e => e.Value.Count >= minCount && !e.Value.Char).Select(e => e.Key).Order(), words.Order());
            Assert.Equal(expected.Where(e => e.Value.Count >= minCount && e.Value.Char).Select(e => e.Key).Order(), chars.Order());
        }
    }

    [Fact]
    public void The_index_finds_every_word_then_character_feature_and_nothing_else()
    {
        var random = new Random(9);
        var all = Enumerable.Range(0, 5000).Select(_ => (ulong)random.NextInt64() * 2).Distinct().ToArray();
        ulong[] words = all[..1234], chars = all[1234..];
        var index = new VocabularyIndex(words, chars);
        for (int i = 0; i < all.Length; i++)
        {
            Assert.True(index.TryGetValue(all[i], out int feature));
            Assert.Equal(i, feature);
        }
        Assert.False(index.TryGetValue(1, out int missing)); // every key is even
        Assert.Equal(-1, missing);
        Assert.False(new VocabularyIndex([], []).TryGetValue(0, out _));
    }
}
