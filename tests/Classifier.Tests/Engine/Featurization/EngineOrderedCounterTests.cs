using Classifier.Engine.Featurization;

namespace Classifier.Tests.Engine.Featurization;

public sealed class EngineOrderedCounterTests
{
    // The reference: sums per feature, ascending, zeros dropped.
    private static (int[] Indices, float[] Values) Expected(IEnumerable<(int Feature, int Delta)> adds)
    {
        var sums = new SortedDictionary<int, int>();
        foreach (var (f, d) in adds) sums[f] = sums.GetValueOrDefault(f) + d;
        var kept = sums.Where(p => p.Value != 0).ToArray();
        return (kept.Select(p => p.Key).ToArray(), kept.Select(p => (float)p.Value).ToArray());
    }

    private static (int[] Indices, float[] Values) Drained(OrderedCounter counter)
    {
        var indices = new int[counter.Distinct];
        var values = new float[counter.Distinct];
        int n = counter.Drain(indices, values);
        return (indices[..n], values[..n]);
    }

    [Theory]
    [InlineData(1000, 19, 1)]
    [InlineData(1000, 19, 300)]
    [InlineData(50, 20, 7)]
    [InlineData(5000, 21, 2)]
    [InlineData(300, 6, 3)]
    [InlineData(70_000, 24, 5)]
    public void Sums_like_a_sorted_dictionary(int adds, int featureBits, int seed)
    {
        var random = new Random(seed);
        // Some features repeat (as n-grams do), some collide in a home, deltas of both signs so some sums cancel.
        var pool = Enumerable.Range(0, Math.Max(1, adds / 2)).Select(_ => random.Next(1 << featureBits)).ToArray();
        var list = Enumerable.Range(0, adds).Select(_ => (pool[random.Next(pool.Length)], random.Next(2) == 0 ? 1 : -1)).ToArray();
        var counter = new OrderedCounter();
        counter.Begin(adds, featureBits);
        foreach (var (f, d) in list) Assert.True(counter.Add(f, d));
        var (indices, values) = Drained(counter);
        var (expectedIndices, expectedValues) = Expected(list);
        Assert.Equal(expectedIndices, indices);
        Assert.Equal(expectedValues, values);
    }

    [Fact]
    public void AddHashed_maps_hashes_to_signed_features()
    {
        var random = new Random(11);
        const int bits = 10, offset = 1 << bits;
        var hashes = Enumerable.Range(0, 2000).Select(_ => (ulong)random.NextInt64() * 3 ^ (ulong)random.Next(4) << 62).ToArray();
        var counter = new OrderedCounter();
        counter.Begin(hashes.Length, bits + 1);
        Assert.True(counter.AddHashed(hashes, offset, (1u << bits) - 1));
        var (indices, values) = Drained(counter);
        var (expectedIndices, expectedValues) = Expected(hashes.Select(h => (offset + (int)(h & ((1u << bits) - 1)), (h >> 63) == 0 ? 1 : -1)));
        Assert.Equal(expectedIndices, indices);
        Assert.Equal(expectedValues, values);
    }

    [Fact]
    public void Keeps_order_when_a_run_spills_past_the_last_home()
    {
        // Twenty distinct features in the last home, added in descending order: every addition shifts the run, and
        // the run ends past the last home, in the slots Begin keeps for that.
        const int featureBits = 20;
        var counter = new OrderedCounter();
        counter.Begin(40, featureBits);
        var features = Enumerable.Range(0, 20).Select(i => (1 << featureBits) - 1 - 3 * i).ToArray();
        foreach (int f in features) Assert.True(counter.Add(f, 1));
        Assert.True(counter.Add(features[5], 1));
        var (indices, values) = Drained(counter);
        Assert.Equal(features.Reverse(), indices);
        Assert.Equal(20, values.Length);
        Assert.Equal(2f, values[14]);
    }

    [Fact]
    public void Reports_bunched_features_and_is_reusable_after_Clear()
    {
        var counter = new OrderedCounter();
        counter.Begin(2000, 20);
        // Every feature in one home: each addition scans the whole run, which the budget stops.
        bool failed = false;
        for (int f = 1999; f >= 0 && !failed; f--) failed = !counter.Add(f, 1);
        Assert.True(failed);
        counter.Clear();

        counter.Begin(3, 20);
        Assert.True(counter.Add(500_000, 1));
        Assert.True(counter.Add(7, -1));
        Assert.True(counter.Add(500_000, 1));
        var (indices, values) = Drained(counter);
        Assert.Equal([7, 500_000], indices);
        Assert.Equal([-1f, 2f], values);
    }

    [Fact]
    public void Grows_and_shrinks_between_counts()
    {
        var counter = new OrderedCounter();
        var random = new Random(3);
        foreach (int adds in new[] { 10, 5000, 20, 100_000, 1 })
        {
            var list = Enumerable.Range(0, adds).Select(_ => (random.Next(1 << 22), 1)).ToArray();
            counter.Begin(adds, 22);
            foreach (var (f, d) in list) Assert.True(counter.Add(f, d));
            Assert.Equal(Expected(list).Indices, Drained(counter).Indices);
        }
    }

    [Fact]
    public void Drops_features_whose_sum_cancels()
    {
        var counter = new OrderedCounter();
        counter.Begin(4, 8);
        counter.Add(3, 1);
        counter.Add(9, 1);
        counter.Add(3, -1);
        counter.Add(200, -1);
        Assert.Equal(3, counter.Distinct);
        var (indices, values) = Drained(counter);
        Assert.Equal([9, 200], indices);
        Assert.Equal([1f, -1f], values);
    }

    [Fact]
    public void Refuses_more_additions_than_announced()
    {
        var counter = new OrderedCounter();
        counter.Begin(1, 8);
        counter.Add(1, 1);
        Assert.Throws<InvalidOperationException>(() => counter.Add(2, 1));
    }
}
