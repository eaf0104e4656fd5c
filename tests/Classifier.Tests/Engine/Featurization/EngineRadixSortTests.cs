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
}
