using Classifier.Engine.Metrics;

namespace Classifier.Tests.Engine.Metrics;

public sealed class BootstrapIntervalTests
{
    [Fact]
    public void Perfect_and_hopeless_predictions_have_degenerate_intervals()
    {
        int[] truth = [0, 1, 2, 0, 1, 2, 0, 0];
        var perfect = BootstrapInterval.Of(truth, truth, 3);
        Assert.Equal((1.0, 1.0), (perfect.Accuracy.Low, perfect.Accuracy.High));
        Assert.Equal((1.0, 1.0), (perfect.MacroF1.Low, perfect.MacroF1.High));
        int[] wrong = [1, 2, 0, 1, 2, 0, 1, 1];
        var hopeless = BootstrapInterval.Of(truth, wrong, 3);
        Assert.Equal((0.0, 0.0), (hopeless.Accuracy.Low, hopeless.Accuracy.High));
    }

    [Fact]
    public void The_interval_holds_the_point_estimate_narrows_with_more_rows_and_is_reproducible()
    {
        var random = new Random(3);
        int[] Truth(int n) => [.. Enumerable.Range(0, n).Select(i => i % 3)];
        int[] Noisy(int[] t) => [.. t.Select(x => random.NextDouble() < 0.7 ? x : (x + 1) % 3)];
        var smallTruth = Truth(54);
        var small = Noisy(smallTruth);
        var bigTruth = Truth(2000);
        var big = Noisy(bigTruth);
        var a = BootstrapInterval.Of(smallTruth, small, 3);
        double accuracy = smallTruth.Zip(small).Count(p => p.First == p.Second) / 54.0;
        Assert.InRange(accuracy, a.Accuracy.Low, a.Accuracy.High);
        var b = BootstrapInterval.Of(bigTruth, big, 3);
        Assert.True(b.Accuracy.High - b.Accuracy.Low < (a.Accuracy.High - a.Accuracy.Low) / 3, $"{a.Accuracy} vs {b.Accuracy}");
        Assert.Equal(a, BootstrapInterval.Of(smallTruth, small, 3));
        Assert.True(a.MacroF1.Low < a.MacroF1.High);
        Assert.True(a.Kappa.Low < a.Kappa.High);
    }

    [Fact]
    public void Macro_precision_recall_and_weighted_F1_match_hand_computation()
    {
        // Truth 0,0,0,1 predicted 0,0,1,1: class 0 P=1 R=2/3 F1=0.8; class 1 P=0.5 R=1 F1=2/3.
        int[] truth = [0, 0, 0, 1];
        float[] probabilities = [1, 0, 1, 0, 0, 1, 0, 1];
        var m = MulticlassMetrics.Compute(["a", "b"], truth, probabilities);
        Assert.Equal((1 + 0.5) / 2, m.MacroPrecision, 9);
        Assert.Equal((2.0 / 3 + 1) / 2, m.MacroRecall, 9);
        Assert.Equal((3 * 0.8 + 1 * (2.0 / 3)) / 4, m.WeightedF1, 9);
        var c = new ConfusionMatrix(2);
        for (int i = 0; i < 4; i++) c.Add(truth[i], i < 2 ? 0 : 1);
        Assert.Equal(m.MacroF1, MulticlassMetrics.MacroF1Of(c), 9);
    }
}
