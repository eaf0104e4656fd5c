using Classifier.Engine.Trainers;

namespace Classifier.Tests.Trainers;

public class FastTreeBinningTests
{
    [Fact]
    public void Few_distinct_values_get_one_bin_each_with_midpoint_bounds_and_a_zero_bin()
    {
        var bounds = FeatureBinning.UpperBounds([-2f, 1f, 1f, 2f, 3f], 255);
        Assert.Equal([-1f, 0.5f, 1.5f, 2.5f, float.PositiveInfinity], bounds);
        Assert.Equal(1, FeatureBinning.BinOf(bounds, 0f));
        Assert.Equal(0, FeatureBinning.BinOf(bounds, -2f));
        Assert.Equal(4, FeatureBinning.BinOf(bounds, 3f));
    }

    [Fact]
    public void Thousand_distinct_values_fit_in_255_bins_of_roughly_equal_mass()
    {
        var values = new float[1000];
        for (int i = 0; i < values.Length; i++) values[i] = (i + 1) * 0.37f;
        var bounds = FeatureBinning.UpperBounds(values, 255);
        Assert.True(bounds.Length <= 255, $"{bounds.Length} bins");
        Assert.True(bounds.Length >= 250, $"only {bounds.Length} bins used");
        var mass = new int[bounds.Length];
        foreach (var v in values) mass[FeatureBinning.BinOf(bounds, v)]++;
        int zero = FeatureBinning.BinOf(bounds, 0f);
        Assert.Equal(0, mass[zero]);
        for (int b = 0; b < mass.Length; b++)
            if (b != zero) Assert.InRange(mass[b], 3, 5);
    }

    [Fact]
    public void Heavy_repeated_value_is_never_split_and_bins_stay_under_the_cap()
    {
        var values = new List<float>();
        for (int i = 0; i < 500; i++) values.Add(1f);
        for (int i = 0; i < 600; i++) values.Add(-1f - i);
        for (int i = 0; i < 600; i++) values.Add(2f + i);
        values.Sort();
        var bounds = FeatureBinning.UpperBounds(values.ToArray(), 16);
        Assert.True(bounds.Length <= 16);
        Assert.NotEqual(FeatureBinning.BinOf(bounds, 0f), FeatureBinning.BinOf(bounds, 1f));
        Assert.NotEqual(FeatureBinning.BinOf(bounds, 0f), FeatureBinning.BinOf(bounds, -1f));
        for (int i = 1; i < bounds.Length; i++) Assert.True(bounds[i] > bounds[i - 1]);
    }
}
