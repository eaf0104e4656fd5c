using Classifier.Engine.Data;
using Classifier.Engine.Models;
using Classifier.Engine.Trainers;

namespace Classifier.Tests.Trainers;

public sealed class SvmTrainerTests
{
    [Theory]
    [InlineData(SvmLoss.SquaredHinge, SvmCalibration.HoldOut)]
    [InlineData(SvmLoss.Hinge, SvmCalibration.TrainingScores)]
    [InlineData(SvmLoss.SquaredHinge, SvmCalibration.CrossValidation)]
    public void Separates_a_sparse_three_class_problem(SvmLoss loss, SvmCalibration calibration)
    {
        var train = SvmNbData.ThreeClass(600, seed: 1);
        var test = SvmNbData.ThreeClass(300, seed: 2);
        var model = new LinearSvmTrainer(new LinearSvmOptions { Loss = loss, Calibration = calibration }).Fit(train);
        Assert.IsType<LinearModel>(model);
        Assert.True(SvmNbData.Accuracy(model, test) >= 0.95);
    }

    [Fact]
    public void Probabilities_are_in_the_open_unit_interval_and_sum_to_one()
    {
        var train = SvmNbData.ThreeClass(300, seed: 3);
        var model = new LinearSvmTrainer(new LinearSvmOptions()).Fit(train);
        SvmNbData.AssertProperProbabilities(model, train);
    }

    [Fact]
    public void Same_seed_gives_the_same_model_and_another_seed_still_converges_to_the_same_optimum()
    {
        var train = SvmNbData.ThreeClass(300, seed: 4);
        var a = SvmNbData.Serialize(new LinearSvmTrainer(new LinearSvmOptions { Seed = 5 }).Fit(train));
        var b = SvmNbData.Serialize(new LinearSvmTrainer(new LinearSvmOptions { Seed = 5 }).Fit(train));
        Assert.Equal(a, b);

        var tight = new LinearSvmOptions { Epsilon = 1e-6, Calibration = SvmCalibration.TrainingScores };
        var m1 = (LinearModel)new LinearSvmTrainer(tight with { Seed = 1 }).Fit(train);
        var m2 = (LinearModel)new LinearSvmTrainer(tight with { Seed = 2 }).Fit(train);
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(m1.Intercept(c), m2.Intercept(c), 1e-3);
            for (int j = 0; j < SvmNbData.Features; j++) Assert.Equal(m1.Weight(c, j), m2.Weight(c, j), 1e-3);
        }
    }

    [Fact]
    public void Example_weight_two_is_close_to_a_duplicated_row()
    {
        var train = SvmNbData.ThreeClass(120, seed: 6);
        var weights = new float[train.RowCount];
        var duplicated = new List<int>();
        for (int i = 0; i < train.RowCount; i++)
        {
            weights[i] = i % 4 == 0 ? 2f : 1f;
            duplicated.Add(i);
            if (i % 4 == 0) duplicated.Add(i);
        }
        var options = new LinearSvmOptions { Epsilon = 1e-5, Calibration = SvmCalibration.TrainingScores };
        var weighted = (LinearModel)new LinearSvmTrainer(options).Fit(train with { Weights = weights });
        var copied = (LinearModel)new LinearSvmTrainer(options).Fit(train.SelectRows([.. duplicated]));
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(weighted.Intercept(c), copied.Intercept(c), 1e-3);
            for (int j = 0; j < SvmNbData.Features; j++) Assert.Equal(weighted.Weight(c, j), copied.Weight(c, j), 1e-3);
        }
    }

    [Fact]
    public void Model_scores_are_the_solver_decision_values()
    {
        var train = SvmNbData.ThreeClass(90, seed: 7);
        var options = new LinearSvmOptions { Seed = 3 };
        var model = (LinearModel)new LinearSvmTrainer(options).Fit(train);
        // The trainer's main solve: all classes together, seed offset 0.
        var solution = DualCoordinateDescent.SolveOneVersusAll(train.Features, SvmNbData.Range(train.RowCount), train.Labels, 3, null, options.C,
            options.Loss, options.Bias, options.Epsilon, options.MaxIterations, options.Shrinking, options.Seed);
        var scores = new float[3];
        var decisions = new double[3];
        for (int i = 0; i < train.RowCount; i++)
        {
            model.Scores(train.Features.Row(i), scores);
            DualCoordinateDescent.Decisions(train.Features, i, solution, options.Bias, decisions);
            for (int c = 0; c < 3; c++) Assert.Equal(decisions[c], scores[c], 1e-4);
        }
    }

    [Theory]
    [InlineData(SvmLoss.SquaredHinge, true)]
    [InlineData(SvmLoss.Hinge, true)]
    [InlineData(SvmLoss.SquaredHinge, false)]
    public void Solving_the_classes_together_reaches_each_binary_optimum(SvmLoss loss, bool shrinking)
    {
        var train = SvmNbData.ThreeClass(120, seed: 5);
        var rows = SvmNbData.Range(train.RowCount);
        var together = DualCoordinateDescent.SolveOneVersusAll(train.Features, rows, train.Labels, 3, null, 1, loss, 1f, 1e-6, 100000, shrinking, 11);
        Assert.All(together.Converged, Assert.True);
        Assert.Equal(4, together.Stride); // 3 classes padded to one 128-bit block
        int n = train.Features.ColumnCount;
        for (int c = 0; c < 3; c++)
        {
            var y = new sbyte[train.RowCount];
            for (int i = 0; i < y.Length; i++) y[i] = train.Labels[i] == c ? (sbyte)1 : (sbyte)-1;
            var alone = DualCoordinateDescent.Solve(train.Features, rows, y, null, 1, loss, 1f, 1e-6, 100000, shrinking, 100 + c);
            for (int j = 0; j < n; j++) Assert.Equal(alone.Weights[j], together.Weights[j * together.Stride + c], 1e-3);
            Assert.Equal(alone.Weights[n], together.Weights[n * together.Stride + c], 1e-3); // the bias weight
            Assert.Equal(0f, together.Weights[together.Stride - 1]); // a padding lane never moves
        }
    }

    [Fact]
    public void Zero_weight_rows_are_ignored()
    {
        var train = SvmNbData.ThreeClass(150, seed: 8);
        var weights = new float[train.RowCount];
        var kept = new List<int>();
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = i % 5 == 0 ? 0f : 1f;
            if (i % 5 != 0) kept.Add(i);
        }
        var options = new LinearSvmOptions { Epsilon = 1e-5, Calibration = SvmCalibration.TrainingScores };
        var weighted = (LinearModel)new LinearSvmTrainer(options).Fit(train with { Weights = weights });
        var subset = (LinearModel)new LinearSvmTrainer(options).Fit(train.SelectRows([.. kept]));
        for (int j = 0; j < SvmNbData.Features; j++) Assert.Equal(weighted.Weight(0, j), subset.Weight(0, j), 1e-3);
    }

    [Theory]
    [InlineData(SvmCalibration.HoldOut)]
    [InlineData(SvmCalibration.CrossValidation)]
    [InlineData(SvmCalibration.TrainingScores)]
    public void Tiny_data_with_an_absent_class_still_gives_probabilities(SvmCalibration calibration)
    {
        var data = new TrainingSet(SparseMatrix.FromDense([[1, 0], [0, 1]]), [0, 1], 3);
        var model = new LinearSvmTrainer(new LinearSvmOptions { Calibration = calibration }).Fit(data);
        var p = new float[3];
        model.PredictProbabilities(new SparseVector([0], [1f]).AsRow(), p);
        Assert.Equal(1.0, p[0] + p[1] + p[2], 5);
        Assert.All(p, v => Assert.True(float.IsFinite(v) && v >= 0f));
    }

    [Fact]
    public void Zero_C_is_reported_as_an_input_error()
    {
        var train = SvmNbData.ThreeClass(30, seed: 1);
        Assert.Throws<Classifier.Text.Diagnostics.InputException>(() => new LinearSvmTrainer(new LinearSvmOptions { C = 0 }).Fit(train));
    }

    [Fact]
    public void A_cancelled_token_stops_training()
    {
        var train = SvmNbData.ThreeClass(60, seed: 1);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new LinearSvmTrainer(new LinearSvmOptions()).Fit(train, null, cts.Token));
    }

    [Fact]
    public void Progress_reaches_one()
    {
        var train = SvmNbData.ThreeClass(60, seed: 1);
        var reports = new System.Collections.Concurrent.ConcurrentBag<double>();
        new LinearSvmTrainer(new LinearSvmOptions()).Fit(train, new SyncProgress(reports.Add));
        Assert.Equal(1.0, reports.Max(), 9);
        Assert.All(reports, r => Assert.InRange(r, 0.0, 1.0));
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
