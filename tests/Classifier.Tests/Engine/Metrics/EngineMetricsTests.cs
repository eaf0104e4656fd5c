using Classifier.Engine.Metrics;

namespace Classifier.Tests.Engine.Metrics;

public class EngineMetricsTests
{
    private static readonly string[] Abc = ["A", "B", "C"];

    /// <summary>A probability row whose maximum (0.6) is at <paramref name="predicted"/>, the others 0.2.</summary>
    private static float[] Row(int predicted, int k = 3)
    {
        var p = new float[k];
        for (int c = 0; c < k; c++) p[c] = c == predicted ? 0.6f : 0.4f / (k - 1);
        return p;
    }

    // (actual, predicted): confusion rows A [2 1 1], B [1 2 0], C [0 1 2].
    private static readonly (int Actual, int Predicted)[] Pairs =
        [(0, 0), (0, 0), (0, 1), (0, 2), (1, 1), (1, 1), (1, 0), (2, 2), (2, 1), (2, 2)];

    private static MulticlassMetrics Hand(int topK = 2)
    {
        var truth = Pairs.Select(p => p.Actual).ToArray();
        var probabilities = Pairs.SelectMany(p => Row(p.Predicted)).ToArray();
        return MulticlassMetrics.Compute(Abc, truth, probabilities, topK);
    }

    [Fact]
    public void Confusion_matrix_rows_are_actual_columns_predicted()
    {
        var m = Hand().Confusion;
        double[,] expected = { { 2, 1, 1 }, { 1, 2, 0 }, { 0, 1, 2 } };
        for (int a = 0; a < 3; a++)
            for (int p = 0; p < 3; p++)
                Assert.Equal(expected[a, p], m.Count(a, p));
        Assert.Equal(4, m.RowTotal(0));
        Assert.Equal(4, m.ColumnTotal(1));
        Assert.Equal(10, m.Total);
        Assert.Equal(6, m.Diagonal);
    }

    [Fact]
    public void Accuracies_per_class_scores_and_macro_f1_match_hand_values()
    {
        var m = Hand();
        Assert.Equal(10, m.Count);
        Assert.Equal(0.6, m.MicroAccuracy, 12);
        Assert.Equal((1.0 / 2 + 2.0 / 3 + 2.0 / 3) / 3, m.MacroAccuracy, 12);

        AssertClass(m.PerClass[0], "A", 2.0 / 3, 1.0 / 2, 4.0 / 7, 4);
        AssertClass(m.PerClass[1], "B", 2.0 / 4, 2.0 / 3, 4.0 / 7, 3);
        AssertClass(m.PerClass[2], "C", 2.0 / 3, 2.0 / 3, 2.0 / 3, 3);
        // scikit-learn: f1_score(y, p, average='macro') = (4/7 + 4/7 + 2/3) / 3 = 38/63.
        Assert.Equal(38.0 / 63, m.MacroF1, 12);
        Assert.Equal(4.0 / 7, m.FAverage("A", "B"), 12);
        Assert.Equal((4.0 / 7 + 2.0 / 3) / 2, m.FAverage("B", "C"), 12);
        Assert.Throws<ArgumentException>(() => m.FAverage("A", "Z"));
    }

    private static void AssertClass(ClassMetrics c, string label, double precision, double recall, double f1, int support)
    {
        Assert.Equal(label, c.Label);
        Assert.Equal(precision, c.Precision, 12);
        Assert.Equal(recall, c.Recall, 12);
        Assert.Equal(f1, c.F1, 12);
        Assert.Equal(support, c.Support);
    }

    [Fact]
    public void Cohen_kappa_matches_hand_value()
    {
        // p_o = 0.6; p_e = (4·3 + 3·4 + 3·3) / 100 = 0.33; κ = 0.27 / 0.67.
        Assert.Equal(0.27 / 0.67, Hand().Kappa, 12);
        var perfect = new ConfusionMatrix(2);
        perfect.Add(0, 0);
        perfect.Add(1, 1);
        Assert.Equal(1.0, MulticlassMetrics.CohenKappa(perfect), 12);
        Assert.Equal(0.0, MulticlassMetrics.CohenKappa(new ConfusionMatrix(3)));
    }

    [Fact]
    public void Log_loss_and_its_reduction_over_the_prior()
    {
        var m = Hand();
        // Six rows give the true class 0.6, four give it 0.2.
        double logLoss = -(6 * Math.Log(0.6f) + 4 * Math.Log(0.2f)) / 10;
        Assert.Equal(logLoss, m.LogLoss, 9);
        // Prior: label frequencies 0.4, 0.3, 0.3.
        double entropy = -(0.4 * Math.Log(0.4) + 2 * 0.3 * Math.Log(0.3));
        Assert.Equal((entropy - logLoss) / entropy, m.LogLossReduction, 9);
    }

    [Fact]
    public void Log_loss_clips_zero_probabilities_at_1e_minus_15()
    {
        float[] p = [1f, 0f, 0f, 0f, 1f, 0f];
        var m = MulticlassMetrics.Compute(["x", "y", "z"], [1, 1], p);
        Assert.Equal(-Math.Log(1e-15) / 2, m.LogLoss, 9);
        Assert.True(double.IsFinite(m.LogLoss));
        // One class only: the prior entropy is 0 and the reduction is reported as 0, not NaN.
        Assert.Equal(0.0, m.LogLossReduction);
        Assert.Equal(0.5, m.MicroAccuracy);
        // The clamp is two-sided: a probability a hair above 1 (float rounding) adds 0, never a negative loss.
        var over = MulticlassMetrics.Compute(["x", "y"], [0], [1.0000001f, 0f]);
        Assert.Equal(0.0, over.LogLoss);
    }

    [Fact]
    public void Top_k_breaks_ties_in_favour_of_the_lower_index()
    {
        float[] p =
        [
            0.5f, 0.5f, 0f,     // truth 1 ties class 0: rank 1 (class 0 wins the tie, as the predicted class does)
            0.5f, 0.5f, 0f,     // truth 0: rank 0
            0.4f, 0.3f, 0.3f,   // truth 2: class 0 higher, class 1 tied and lower index: rank 2
            0.2f, 0.2f, 0.6f,   // truth 2: rank 0
        ];
        int[] truth = [1, 0, 2, 2];
        var top1 = MulticlassMetrics.Compute(Abc, truth, p, topK: 1);
        Assert.Equal(top1.MicroAccuracy, top1.TopKAccuracy, 12);
        Assert.Equal(0.5, top1.TopKAccuracy, 12);
        var top2 = MulticlassMetrics.Compute(Abc, truth, p, topK: 2);
        Assert.Equal(2, top2.TopK);
        Assert.Equal(0.75, top2.TopKAccuracy, 12);
        Assert.Equal(1.0, MulticlassMetrics.Compute(Abc, truth, p, topK: 3).TopKAccuracy, 12);
        // Hand rows: the one miss is truth C with p = [0.2, 0.6, 0.2] — A ties C and has the lower index.
        Assert.Equal(0.9, Hand(topK: 2).TopKAccuracy, 12);
    }

    [Fact]
    public void Predicted_class_is_the_first_maximum()
    {
        Assert.Equal(0, MulticlassMetrics.ArgMax([0.5f, 0.5f, 0f]));
        Assert.Equal(1, MulticlassMetrics.ArgMax([0.2f, 0.4f, 0.4f]));
    }

    [Fact]
    public void A_class_absent_from_truth_and_predictions_is_left_out_of_the_averages()
    {
        string[] labels = ["A", "B", "C", "D"];
        var truth = Pairs.Select(p => p.Actual).ToArray();
        var probabilities = Pairs.SelectMany(p => Row(p.Predicted, 4)).ToArray();
        var m = MulticlassMetrics.Compute(labels, truth, probabilities);
        var hand = Hand();
        Assert.Equal(4, m.PerClass.Count);
        Assert.Equal(4, m.Confusion.ClassCount);
        AssertClass(m.PerClass[3], "D", 0, 0, 0, 0);
        Assert.Equal(hand.MicroAccuracy, m.MicroAccuracy, 12);
        Assert.Equal(hand.MacroAccuracy, m.MacroAccuracy, 12);
        Assert.Equal(hand.MacroF1, m.MacroF1, 12);
        Assert.Equal(hand.Kappa, m.Kappa, 12);
    }

    [Fact]
    public void A_class_predicted_but_never_true_counts_in_macro_f1_not_macro_accuracy()
    {
        // truth A A B B, predicted A C B B: C has support 0 but one prediction (scikit-learn includes it with F1 0).
        float[] p = [.. Row(0), .. Row(2), .. Row(1), .. Row(1)];
        var m = MulticlassMetrics.Compute(Abc, [0, 0, 1, 1], p);
        // A: P 1, R 0.5, F1 2/3; B: P 1, R 1, F1 1; C: F1 0.
        Assert.Equal((2.0 / 3 + 1 + 0) / 3, m.MacroF1, 12);
        Assert.Equal((0.5 + 1) / 2, m.MacroAccuracy, 12);
    }

    [Fact]
    public void Empty_input_gives_zeros_not_NaN()
    {
        var m = MulticlassMetrics.Compute(Abc, [], []);
        Assert.Equal(0, m.Count);
        Assert.Equal(0, m.MicroAccuracy);
        Assert.Equal(0, m.MacroF1);
        Assert.Equal(0, m.LogLoss);
        Assert.Equal(0, m.Kappa);
    }

    [Fact]
    public void Mismatched_or_out_of_range_input_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => MulticlassMetrics.Compute(Abc, [0, 1], new float[5]));
        Assert.ThrowsAny<ArgumentException>(() => MulticlassMetrics.Compute(Abc, [3], [1f, 0f, 0f]));
        Assert.ThrowsAny<ArgumentException>(() => MulticlassMetrics.Compute(Abc, [-1], [1f, 0f, 0f]));
    }

    [Fact]
    public void Reliability_bins_and_ece_match_hand_values()
    {
        float[] p =
        [
            0.95f, 0.03f, 0.02f,   // right, bin 9
            0.02f, 0.95f, 0.03f,   // wrong (truth 0), bin 9
            0.65f, 0.25f, 0.10f,   // right, bin 6
            0.20f, 0.18f, 0.62f,   // right, bin 6
            0.45f, 0.35f, 0.20f,   // wrong (truth 1), bin 4
        ];
        int[] truth = [0, 0, 0, 2, 1];
        var r = ReliabilityBins.Compute(truth, p, 3);
        Assert.Equal(10, r.Bins.Count);
        Assert.Equal(0.9, r.Bins[9].Lower, 12);
        Assert.Equal(1.0, r.Bins[9].Upper, 12);
        Assert.Equal(2, r.Bins[9].Count);
        Assert.Equal(0.95, r.Bins[9].MeanConfidence, 6);
        Assert.Equal(0.5, r.Bins[9].Accuracy, 12);
        Assert.Equal(2, r.Bins[6].Count);
        Assert.Equal(0.635, r.Bins[6].MeanConfidence, 6);
        Assert.Equal(1.0, r.Bins[6].Accuracy, 12);
        Assert.Equal(1, r.Bins[4].Count);
        Assert.Equal(0.0, r.Bins[4].Accuracy, 12);
        Assert.Equal(5, r.Bins.Sum(b => b.Count));
        // ECE = 2/5·|0.5 − 0.95| + 2/5·|1 − 0.635| + 1/5·|0 − 0.45| = 0.18 + 0.146 + 0.09.
        Assert.Equal(0.416, r.ExpectedCalibrationError, 6);
    }

    [Fact]
    public void Reliability_puts_certainty_in_the_last_bin()
    {
        var r = ReliabilityBins.Compute([0, 1], [1f, 0f, 0f, 1f], 2, binCount: 4);
        Assert.Equal(2, r.Bins[3].Count);
        Assert.Equal(0.0, r.ExpectedCalibrationError, 12);
        var empty = ReliabilityBins.Compute([], [], 3);
        Assert.Equal(0.0, empty.ExpectedCalibrationError);
    }
}
