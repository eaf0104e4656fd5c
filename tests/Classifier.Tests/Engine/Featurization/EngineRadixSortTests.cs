using Classifier.Engine.Featurization;

namespace Classifier.Tests.Engine.Featurization;

public sealed class EngineRadixSortTests
{
    [Theory]
    [InlineData(10, 5)]
    [InlineData(1000, 20)]
    [InlineData(5000, 25)]
    [InlineData(777, 11)]
    public void Sorts_like_a_comparison_sort(int length, int bits)
    {
        var random = new Random(length);
        var keys = new int[length];
        for (int i = 0; i < length; i++) keys[i] = random.Next(1 << bits);
        var expected = (int[])keys.Clone();
        Array.Sort(expected);
        RadixSort.Sort(keys, new int[length], bits);
        Assert.Equal(expected, keys);
    }

    [Theory]
    [InlineData(10, 5, false)]
    [InlineData(1000, 21, false)]
    [InlineData(5000, 25, false)]
    [InlineData(777, 11, false)]
    [InlineData(1000, 3, false)]
    [InlineData(3000, 21, true)]
    public void SortSpread_sorts_like_a_comparison_sort(int length, int bits, bool crowded)
    {
        var random = new Random(length + bits);
        var keys = new int[length];
        // Crowded: every key in the lowest 1/64th of the range, so buckets hold dozens of keys and the insertion sort
        // runs past its budget and hands over to the radix sort.
        int range = crowded ? 1 << (bits - 6) : 1 << bits;
        for (int i = 0; i < length; i++) keys[i] = random.Next(range);
        var expected = (int[])keys.Clone();
        Array.Sort(expected);
        RadixSort.SortSpread(keys, new int[length], bits);
        Assert.Equal(expected, keys);
    }
}
