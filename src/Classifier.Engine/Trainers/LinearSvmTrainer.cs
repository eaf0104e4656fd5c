using System.Globalization;
using Classifier.Engine.Data;
using Classifier.Engine.Models;

namespace Classifier.Engine.Trainers;

/// <summary>
/// One-versus-all L2-regularised linear SVM: one binary problem per class solved by
/// <see cref="DualCoordinateDescent"/> (liblinear's method), each calibrated by a Platt sigmoid
/// (<see cref="PlattScaling"/>); the model normalises the per-class probabilities to sum 1.
/// Classes are solved in parallel; each has its own seeded permutations, so the result does not depend on the thread count.
/// </summary>
public sealed class LinearSvmTrainer(LinearSvmOptions options) : IMulticlassTrainer
{
    public LinearSvmOptions Options { get; } = options;
    public string Name => "svm";

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["c"] = Options.C.ToString("R", CultureInfo.InvariantCulture),
        ["loss"] = Options.Loss == SvmLoss.SquaredHinge ? "squared-hinge" : "hinge",
        ["epsilon"] = Options.Epsilon.ToString("R", CultureInfo.InvariantCulture),
        ["max-iterations"] = Options.MaxIterations.ToString(CultureInfo.InvariantCulture),
        ["shrinking"] = Options.Shrinking ? "true" : "false",
        ["bias"] = Options.Bias.ToString("R", CultureInfo.InvariantCulture),
        ["calibration"] = Options.Calibration switch
        {
            SvmCalibration.TrainingScores => "training-scores",
            SvmCalibration.CrossValidation => $"cross-validation-{Options.CalibrationFolds}",
            _ => "leave-one-out-estimate",
        },
        ["seed"] = Options.Seed.ToString(CultureInfo.InvariantCulture),
    };

    public IMulticlassModel Fit(TrainingSet data, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        data.Validate();
        if (!(Options.C > 0f) || float.IsInfinity(Options.C)) throw new ArgumentOutOfRangeException(nameof(Options), "C must be positive and finite");
        if (Options.Bias < 0f) throw new ArgumentOutOfRangeException(nameof(Options), "Bias must be >= 0");
        if (Options.Calibration == SvmCalibration.CrossValidation && Options.CalibrationFolds < 2)
            throw new ArgumentOutOfRangeException(nameof(Options), "cross-validated calibration needs at least 2 folds");

        var x = data.Features;
        int n = x.ColumnCount, k = data.ClassCount, rowCount = data.RowCount;
        var weights = new float[(long)n * k];
        var biases = new float[k];
        var plattA = new float[k];
        var plattB = new float[k];
        var allRows = new int[rowCount];
        for (int i = 0; i < rowCount; i++) allRows[i] = i;
        int[]? folds = Options.Calibration == SvmCalibration.CrossValidation ? AssignFolds(rowCount, Options.CalibrationFolds, Options.Seed) : null;

        int solvesPerClass = 1 + (folds is null ? 0 : Options.CalibrationFolds);
        int done = 0;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, k, parallel, c =>
        {
            var y = new sbyte[rowCount];
            var positive = new bool[rowCount];
            for (int i = 0; i < rowCount; i++)
            {
                positive[i] = data.Labels[i] == c;
                y[i] = positive[i] ? (sbyte)1 : (sbyte)-1;
            }
            var solution = Solve(x, allRows, y, data.Weights, c, cancellationToken);
            progress?.Report((double)Interlocked.Increment(ref done) / (k * solvesPerClass));

            var w = solution.Weights;
            for (int j = 0; j < n; j++) weights[(long)j * k + c] = (float)w[j];
            biases[c] = Options.Bias > 0f ? (float)(w[n] * Options.Bias) : 0f;

            var decisions = new double[rowCount];
            switch (Options.Calibration)
            {
                case SvmCalibration.TrainingScores:
                    for (int i = 0; i < rowCount; i++) decisions[i] = DualCoordinateDescent.Decision(x, i, w, Options.Bias);
                    break;
                case SvmCalibration.CrossValidation:
                    OutOfFoldDecisions(x, y, data.Weights, folds!, c, decisions, () =>
                        progress?.Report((double)Interlocked.Increment(ref done) / (k * solvesPerClass)), cancellationToken);
                    break;
                default:
                    // Jaakkola–Haussler: removing example i from w = Σ α_j y_j x̃_j changes its own score by α_i·y_i·Q_ii.
                    double b2 = Options.Bias > 0f ? (double)Options.Bias * Options.Bias : 0.0;
                    for (int i = 0; i < rowCount; i++)
                    {
                        double q = b2;
                        var row = x.Row(i);
                        foreach (var v in row.Values) q += (double)v * v;
                        decisions[i] = DualCoordinateDescent.Decision(x, i, w, Options.Bias) - solution.Alpha[i] * y[i] * q;
                    }
                    break;
            }
            var (a, b) = PlattScaling.Fit(decisions, positive, data.Weights);
            // LinearModel computes σ(A'·s + B') = 1/(1 + exp(−A'·s − B')); Platt's form is 1/(1 + exp(A·s + B)).
            plattA[c] = (float)-a;
            plattB[c] = (float)-b;
        });
        return new LinearModel(n, k, weights, biases, LinearOutput.PlattOneVersusAll, plattA, plattB);
    }

    private DualSolution Solve(SparseMatrix x, ReadOnlySpan<int> rows, ReadOnlySpan<sbyte> y, float[]? exampleWeights, int seedOffset, CancellationToken token) =>
        DualCoordinateDescent.Solve(x, rows, y, exampleWeights, Options.C, Options.Loss, Options.Bias, Options.Epsilon,
            Options.MaxIterations, Options.Shrinking, unchecked(Options.Seed + seedOffset), token);

    private void OutOfFoldDecisions(SparseMatrix x, sbyte[] y, float[]? exampleWeights, int[] folds, int c, double[] decisions,
        Action solved, CancellationToken token)
    {
        int foldCount = Options.CalibrationFolds;
        var train = new List<int>(folds.Length);
        for (int f = 0; f < foldCount; f++)
        {
            train.Clear();
            for (int i = 0; i < folds.Length; i++) if (folds[i] != f) train.Add(i);
            var solution = Solve(x, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(train), y, exampleWeights,
                unchecked(c + 7919 * (f + 1)), token);
            for (int i = 0; i < folds.Length; i++)
                if (folds[i] == f) decisions[i] = DualCoordinateDescent.Decision(x, i, solution.Weights, Options.Bias);
            solved();
        }
    }

    /// <summary>A seeded shuffle dealt round-robin, so folds differ in size by at most one.</summary>
    private static int[] AssignFolds(int rowCount, int foldCount, int seed)
    {
        var order = new int[rowCount];
        for (int i = 0; i < rowCount; i++) order[i] = i;
        new Random(seed).Shuffle(order);
        var folds = new int[rowCount];
        for (int i = 0; i < rowCount; i++) folds[order[i]] = i % foldCount;
        return folds;
    }
}
