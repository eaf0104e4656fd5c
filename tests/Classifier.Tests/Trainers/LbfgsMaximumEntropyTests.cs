using Classifier.Engine.Data;
using Classifier.Engine.Models;
using Classifier.Engine.Optimization;
using Classifier.Engine.Trainers;

namespace Classifier.Tests.Trainers;

public class LbfgsMaximumEntropyTests
{
    private static LbfgsMaximumEntropyTrainer Exact(float l2, float l1 = 0f) => new(new LbfgsMaximumEntropyOptions
    {
        L2 = l2,
        L1 = l1,
        MaxIterations = 2000,
        Tolerance = 1e-12,
    });

    [Fact]
    public void Objective_gradient_matches_finite_differences_for_data_and_l2_terms()
    {
        var data = TrainerTestData.SeparableThreeClass(30, seed: 5, columns: 200) with
        {
            Weights = Enumerable.Range(0, 30).Select(i => 0.5f + (i % 4) * 0.5f).ToArray(),
        };
        var map = SoftmaxObjective.BuildColumnMap(data.Features, out int compact);
        foreach (double l2 in new[] { 0.0, 3.0 })
        {
            var objective = new SoftmaxObjective(data, map, compact, l2);
            var rng = new Random(11);
            var theta = Enumerable.Range(0, objective.ParameterCount).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
            var gradient = new float[theta.Length];
            objective.ValueAndGradient(theta, gradient);
            var scratch = new float[theta.Length];
            const float h = 1e-2f;
            // Every bias and a spread of weights, so both the data term and the (bias-free) penalty are covered.
            for (int t = 0; t < theta.Length; t += t >= objective.PenalisedCount ? 1 : 7)
            {
                float saved = theta[t];
                theta[t] = saved + h;
                double up = objective.ValueAndGradient(theta, scratch);
                theta[t] = saved - h;
                double down = objective.ValueAndGradient(theta, scratch);
                theta[t] = saved;
                double numeric = (up - down) / (2 * h);
                Assert.True(Math.Abs(numeric - gradient[t]) < 2e-4 + 1e-3 * Math.Abs(numeric),
                    $"l2={l2} parameter {t}: analytic {gradient[t]} numeric {numeric}");
            }
        }
    }

    [Fact]
    public void Objective_is_reproducible_and_independent_of_the_row_chunking()
    {
        var data = TrainerTestData.SeparableThreeClass(5000, seed: 2, columns: 300);
        var chunked = new SoftmaxObjective(data, null, data.FeatureCount, 1.0, chunkCount: 7);
        var serial = new SoftmaxObjective(data, null, data.FeatureCount, 1.0, chunkCount: 1);
        var theta = new float[chunked.ParameterCount];
        for (int t = 0; t < theta.Length; t++) theta[t] = (t % 13 - 6) * 0.05f;
        var g1 = new float[theta.Length];
        var g2 = new float[theta.Length];
        var g3 = new float[theta.Length];
        double v1 = chunked.ValueAndGradient(theta, g1);
        double v2 = chunked.ValueAndGradient(theta, g2);
        double v3 = serial.ValueAndGradient(theta, g3);
        Assert.Equal(v1, v2);
        Assert.Equal(g1, g2);
        Assert.Equal(v3, v1, 1e-9 * Math.Abs(v3));
        for (int t = 0; t < theta.Length; t++) Assert.Equal(g3[t], g1[t], 1e-5f);
    }

    [Fact]
    public void Objective_over_a_column_map_equals_the_objective_over_the_remapped_matrix()
    {
        // Odd columns of 300 used; the mapped objective must give bit for bit what an objective over a matrix already
        // holding the compact columns gives (the map is applied once, up front, not per evaluation).
        var dense = TrainerTestData.SeparableThreeClass(3000, seed: 4, columns: 150);
        var spread = new List<SparseVector>();
        for (int i = 0; i < dense.RowCount; i++)
        {
            var row = dense.Features.Row(i);
            var indices = row.Indices.ToArray();
            for (int t = 0; t < indices.Length; t++) indices[t] = 2 * indices[t] + 1;
            spread.Add(new SparseVector(indices, row.Values.ToArray()));
        }
        var wide = dense with { Features = SparseMatrix.FromRows(300, spread) };
        var map = SoftmaxObjective.BuildColumnMap(wide.Features, out int compact);
        var compacted = new List<SparseVector>();
        foreach (var v in spread) compacted.Add(new SparseVector(Array.ConvertAll(v.Indices, j => map[j]), v.Values));
        var narrow = dense with { Features = SparseMatrix.FromRows(compact, compacted) };
        var mapped = new SoftmaxObjective(wide, map, compact, 0.5, chunkCount: 3);
        var remapped = new SoftmaxObjective(narrow, null, compact, 0.5, chunkCount: 3);
        Assert.Equal(remapped.ParameterCount, mapped.ParameterCount);
        var theta = new float[mapped.ParameterCount];
        for (int t = 0; t < theta.Length; t++) theta[t] = (t % 11 - 5) * 0.03f;
        var g1 = new float[theta.Length];
        var g2 = new float[theta.Length];
        Assert.Equal(remapped.ValueAndGradient(theta, g2), mapped.ValueAndGradient(theta, g1));
        Assert.Equal(g2, g1);
        // A second evaluation at another point reuses the shared copy of θ and must not see the first point.
        for (int t = 0; t < theta.Length; t++) theta[t] = -theta[t];
        Assert.Equal(remapped.ValueAndGradient(theta, g2), mapped.ValueAndGradient(theta, g1));
        Assert.Equal(g2, g1);
    }

    [Fact]
    public void Two_class_one_feature_problem_reaches_the_analytic_optimum()
    {
        // Rows: x=1 → class 1 three times, class 0 once; x=0 → class 0 three times, class 1 once. With no
        // regularisation the optimum reproduces the empirical frequencies: p(1|x=1) = 0.75, p(1|x=0) = 0.25.
        var x = SparseMatrix.FromDense([[1f], [1f], [1f], [1f], [0f], [0f], [0f], [0f]]);
        var data = new TrainingSet(x, [1, 1, 1, 0, 0, 0, 0, 1], 2);
        var model = Exact(0f).Fit(data);
        var p = new float[2];
        model.PredictProbabilities(x.Row(0), p);
        Assert.Equal(0.75, p[1], 4);
        model.PredictProbabilities(x.Row(4), p);
        Assert.Equal(0.25, p[1], 4);
    }

    [Theory]
    [InlineData("lbfgs")]
    [InlineData("lbfgs-weighted")]
    public void Probabilities_match_scikit_learn_at_the_same_regularisation(string name)
    {
        // C = 1/L2: both minimise Σ s_i·CE_i + (L2/2)·‖W‖² up to the constant factor, intercept unpenalised.
        var fixture = TrainerTestData.LoadSklearn();
        var expected = fixture.Cases.Single(c => c.Name == name);
        var data = expected.Weighted ? fixture.Weighted : fixture.Unweighted;
        var model = Exact(expected.L2).Fit(data);
        var actual = TrainerTestData.Probabilities(model, data);
        Assert.True(TrainerTestData.MaxDifference(actual, expected.Probabilities) < 1e-3,
            $"max |Δp| = {TrainerTestData.MaxDifference(actual, expected.Probabilities)}");
    }

    [Fact]
    public void Separable_three_class_problem_is_learnt_with_default_settings()
    {
        var train = TrainerTestData.SeparableThreeClass(300, seed: 1);
        var test = TrainerTestData.SeparableThreeClass(300, seed: 99);
        var trainer = new LbfgsMaximumEntropyTrainer(new LbfgsMaximumEntropyOptions());
        var model = trainer.Fit(train);
        Assert.True(TrainerTestData.Accuracy(model, test) >= 0.95);
        foreach (var row in TrainerTestData.Probabilities(model, test))
            Assert.Equal(1.0, row.Sum(), 5);
        var described = trainer.Describe();
        Assert.Equal("0", described["l1"]);
        Assert.Equal("0.01", described["l2"]);
        Assert.True(int.Parse(described["iterations"], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void L1_zeroes_weights_of_noise_features()
    {
        var train = TrainerTestData.SeparableThreeClass(300, seed: 1, columns: 400);
        var dense = (LinearModel)Exact(1f, 0f).Fit(train);
        var sparse = (LinearModel)Exact(1f, 3f).Fit(train);
        int CountNonZero(LinearModel m) => TrainerTestData.AllWeights(m).SkipLast(m.ClassCount).Count(w => w != 0f);
        Assert.True(CountNonZero(sparse) < CountNonZero(dense) / 2, $"{CountNonZero(sparse)} vs {CountNonZero(dense)}");
        double acc = TrainerTestData.Accuracy(sparse, TrainerTestData.SeparableThreeClass(300, 99, 400));
        Assert.True(acc >= 0.95, $"accuracy {acc}");
    }

    [Fact]
    public void Same_data_gives_identical_weights()
    {
        var train = TrainerTestData.SeparableThreeClass(6000, seed: 4, columns: 2000);
        var options = new LbfgsMaximumEntropyOptions { MaxIterations = 15 };
        var a = TrainerTestData.AllWeights((LinearModel)new LbfgsMaximumEntropyTrainer(options).Fit(train));
        var b = TrainerTestData.AllWeights((LinearModel)new LbfgsMaximumEntropyTrainer(options).Fit(train));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Example_weight_two_equals_a_duplicated_row()
    {
        var train = TrainerTestData.SeparableThreeClass(60, seed: 8, columns: 300);
        var weighted = Exact(1f).Fit(TrainerTestData.WithWeight(train, 5, 2f));
        var duplicated = Exact(1f).Fit(TrainerTestData.DuplicateRow(train, 5));
        var plain = Exact(1f).Fit(train);
        var pw = TrainerTestData.Probabilities(weighted, train);
        Assert.True(TrainerTestData.MaxDifference(pw, TrainerTestData.Probabilities(duplicated, train)) < 1e-3);
        Assert.True(TrainerTestData.MaxDifference(pw, TrainerTestData.Probabilities(plain, train)) > 1e-3);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var train = TrainerTestData.SeparableThreeClass(300, seed: 1);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Exact(1f).Fit(train, null, cts.Token));
    }
}
