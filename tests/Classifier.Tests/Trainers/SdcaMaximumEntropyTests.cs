using Classifier.Engine.Data;
using Classifier.Engine.Models;
using Classifier.Engine.Trainers;

namespace Classifier.Tests.Trainers;

public class SdcaMaximumEntropyTests
{
    private static SdcaMaximumEntropyTrainer Converged(float l2, int seed = 1, float l1 = 0f, float biasScale = 1f) => new(new SdcaMaximumEntropyOptions
    {
        L2 = l2,
        L1 = l1,
        Seed = seed,
        MaxIterations = 5000,
        ConvergenceTolerance = 1e-7,
        BiasScale = biasScale,
    });

    [Theory]
    [InlineData("sdca")]
    [InlineData("sdca-weighted")]
    public void Probabilities_match_scikit_learn_at_the_same_regularisation(string name)
    {
        // SDCA minimises (1/S)·Σ s_i·CE_i + λ/2·(‖W‖² + b²) with the bias as a feature of value 1, S = Σ s_i;
        // scikit-learn minimises C·Σ s_i·CE_i + ½‖W‖² on X plus a column of ones without intercept: C = 1/(λ·S).
        var fixture = TrainerTestData.LoadSklearn();
        var expected = fixture.Cases.Single(c => c.Name == name);
        var data = expected.Weighted ? fixture.Weighted : fixture.Unweighted;
        var model = Converged(expected.L2).Fit(data);
        var actual = TrainerTestData.Probabilities(model, data);
        double diff = TrainerTestData.MaxDifference(actual, expected.Probabilities);
        Assert.True(diff < 1e-3, $"max |Δp| = {diff}");
    }

    [Fact]
    public void Agrees_with_lbfgs_on_the_same_objective()
    {
        // A large bias scale makes SDCA's bias penalty negligible, so both minimise the same objective:
        // SDCA's λ on the mean loss is L-BFGS's L2 = λ·n on the summed loss.
        var train = TrainerTestData.SeparableThreeClass(120, seed: 6, columns: 500);
        const float lambda = 0.01f;
        var sdca = Converged(lambda, biasScale: 30f).Fit(train);
        var lbfgs = new LbfgsMaximumEntropyTrainer(new LbfgsMaximumEntropyOptions
        {
            L2 = lambda * train.RowCount, L1 = 0f, MaxIterations = 3000, Tolerance = 1e-12,
        }).Fit(train);
        double diff = TrainerTestData.MaxDifference(TrainerTestData.Probabilities(sdca, train), TrainerTestData.Probabilities(lbfgs, train));
        Assert.True(diff < 1e-3, $"max |Δp| = {diff}");
    }

    [Fact]
    public void Separable_three_class_problem_is_learnt_with_automatic_settings()
    {
        var train = TrainerTestData.SeparableThreeClass(300, seed: 1);
        var test = TrainerTestData.SeparableThreeClass(300, seed: 99);
        var trainer = new SdcaMaximumEntropyTrainer(new SdcaMaximumEntropyOptions());
        var model = trainer.Fit(train);
        Assert.True(TrainerTestData.Accuracy(model, test) >= 0.95);
        foreach (var row in TrainerTestData.Probabilities(model, test))
            Assert.Equal(1.0, row.Sum(), 5);
        var described = trainer.Describe();
        double l2 = double.Parse(described["l2"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(SdcaMaximumEntropyTrainer.AutomaticL2(300, SdcaMaximumEntropyTrainer.AutomaticMaxIterations(300)), l2, 12);
        Assert.Equal(SdcaMaximumEntropyTrainer.AutomaticMaxIterations(300).ToString(System.Globalization.CultureInfo.InvariantCulture), described["max-iterations"]);
        Assert.True(double.Parse(described["duality-gap"], System.Globalization.CultureInfo.InvariantCulture) < 0.1);
    }

    [Fact]
    public void Same_seed_gives_identical_weights_and_another_seed_the_same_optimum()
    {
        var train = TrainerTestData.SeparableThreeClass(400, seed: 4, columns: 2000);
        var a = (LinearModel)Converged(0.01f, seed: 7).Fit(train);
        var b = (LinearModel)Converged(0.01f, seed: 7).Fit(train);
        Assert.Equal(TrainerTestData.AllWeights(a), TrainerTestData.AllWeights(b));
        var c = (LinearModel)Converged(0.01f, seed: 8).Fit(train);
        Assert.True(TrainerTestData.MaxDifference(TrainerTestData.Probabilities(a, train), TrainerTestData.Probabilities(c, train)) < 1e-3);
    }

    [Fact]
    public void Example_weight_two_equals_a_duplicated_row()
    {
        var train = TrainerTestData.SeparableThreeClass(60, seed: 8, columns: 300);
        var weighted = Converged(0.02f).Fit(TrainerTestData.WithWeight(train, 5, 2f));
        var duplicated = Converged(0.02f).Fit(TrainerTestData.DuplicateRow(train, 5));
        var plain = Converged(0.02f).Fit(train);
        var pw = TrainerTestData.Probabilities(weighted, train);
        Assert.True(TrainerTestData.MaxDifference(pw, TrainerTestData.Probabilities(duplicated, train)) < 1e-3);
        Assert.True(TrainerTestData.MaxDifference(pw, TrainerTestData.Probabilities(plain, train)) > 1e-3);
    }

    [Fact]
    public void L1_zeroes_weights_of_noise_features()
    {
        var train = TrainerTestData.SeparableThreeClass(300, seed: 1, columns: 400);
        var dense = (LinearModel)Converged(0.01f).Fit(train);
        var sparse = (LinearModel)Converged(0.01f, l1: 0.01f).Fit(train);
        int CountNonZero(LinearModel m) => TrainerTestData.AllWeights(m).SkipLast(m.ClassCount).Count(w => w != 0f);
        Assert.True(CountNonZero(sparse) < CountNonZero(dense) / 2, $"{CountNonZero(sparse)} vs {CountNonZero(dense)}");
        double acc = TrainerTestData.Accuracy(sparse, TrainerTestData.SeparableThreeClass(300, 99, 400));
        Assert.True(acc >= 0.95, $"accuracy {acc}");
    }

    [Fact]
    public void Progress_reaches_one_and_cancellation_is_honoured()
    {
        var train = TrainerTestData.SeparableThreeClass(100, seed: 1);
        var reports = new List<double>();
        Converged(0.01f).Fit(train, new SynchronousProgress(reports));
        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports[^1]);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Converged(0.01f).Fit(train, null, cts.Token));
    }

    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
