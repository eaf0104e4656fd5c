using System.Globalization;
using Classifier.Engine.Data;
using Classifier.Engine.Models;

namespace Classifier.Engine.Trainers;

/// <summary>
/// One-versus-all L2-regularised linear SVM: one binary problem per class solved by
/// <see cref="DualCoordinateDescent"/> (liblinear's method), each calibrated by a Platt sigmoid
/// (<see cref="PlattScaling"/>); the model normalises the per-class probabilities to sum 1.
/// The K problems are solved together, one pass serving all of them (<see cref="DualCoordinateDescent.SolveOneVersusAll"/>);
/// the calibration solves run beside the main one, each with its own seed, so the result does not depend on the thread count.
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
            _ => $"hold-out-1/{Options.CalibrationFolds}",
        },
        ["seed"] = Options.Seed.ToString(CultureInfo.InvariantCulture),
    };

    public IMulticlassModel Fit(TrainingSet data, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        data.Validate();
        // C arrives from the command line (setting 'c'), so a bad value is the user's input error, not a bug.
        if (!(Options.C > 0f) || float.IsInfinity(Options.C))
            throw new Classifier.Text.Diagnostics.InputException($"svm setting 'c' must be a positive number, not {Options.C.ToString(CultureInfo.InvariantCulture)}", hint: "the default is c=1; larger values fit the training data more closely");
        if (Options.Bias < 0f) throw new ArgumentOutOfRangeException(nameof(Options), "Bias must be >= 0");
        if (Options.Calibration != SvmCalibration.TrainingScores && Options.CalibrationFolds < 2)
            throw new ArgumentOutOfRangeException(nameof(Options), "calibration on held-out folds needs CalibrationFolds >= 2");

        var x = data.Features;
        int n = x.ColumnCount, k = data.ClassCount, rowCount = data.RowCount;
        var weights = new float[(long)n * k];
        var biases = new float[k];
        var plattA = new float[k];
        var plattB = new float[k];
        var allRows = new int[rowCount];
        for (int i = 0; i < rowCount; i++) allRows[i] = i;
        int[]? folds = Options.Calibration != SvmCalibration.TrainingScores ? AssignFolds(data.Labels, k, Options.CalibrationFolds, Options.Seed) : null;
        int calibrationSolves = Options.Calibration switch { SvmCalibration.HoldOut => 1, SvmCalibration.CrossValidation => Options.CalibrationFolds, _ => 0 };

        var positive = new bool[k][];
        var decisions = new double[k][];
        for (int c = 0; c < k; c++)
        {
            positive[c] = new bool[rowCount];
            for (int i = 0; i < rowCount; i++) positive[c][i] = data.Labels[i] == c;
            decisions[c] = new double[rowCount];
        }

        // Task 0 solves the K one-versus-all problems on every row, task f + 1 on all rows outside calibration fold f
        // (each task solves its K problems together: DualCoordinateDescent.SolveOneVersusAll). Hold-out calibration
        // thus keeps both cores busy; each task has its own seed, so the result does not depend on scheduling.
        int done = 0, tasks = 1 + calibrationSolves;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, tasks, parallel, task =>
        {
            var scores = new double[k];
            if (task == 0)
            {
                var s = Solve(x, allRows, data.Labels, k, data.Weights, 0, cancellationToken);
                for (long j = 0; j < n; j++)
                    for (int c = 0; c < k; c++) weights[j * k + c] = s.Weights[j * s.Stride + c];
                for (int c = 0; c < k; c++) biases[c] = Options.Bias > 0f ? s.Weights[(long)n * s.Stride + c] * Options.Bias : 0f;
                if (folds is null)
                    for (int i = 0; i < rowCount; i++) Score(s, i, scores);
            }
            else
            {
                int f = task - 1;
                var train = new List<int>(rowCount);
                for (int i = 0; i < rowCount; i++) if (folds![i] != f) train.Add(i);
                var s = Solve(x, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(train), data.Labels, k, data.Weights,
                    unchecked(7919 * (f + 1)), cancellationToken);
                // Folds are disjoint, so parallel fold tasks write disjoint entries.
                for (int i = 0; i < rowCount; i++)
                    if (folds![i] == f) Score(s, i, scores);
            }
            progress?.Report((double)Interlocked.Increment(ref done) / tasks);
        });

        void Score(OneVersusAllSolution s, int row, double[] scores)
        {
            DualCoordinateDescent.Decisions(x, row, s, Options.Bias, scores);
            for (int c = 0; c < k; c++) decisions[c][row] = scores[c];
        }

        for (int c = 0; c < k; c++)
        {
            var (a, b) = folds is null
                ? PlattScaling.Fit(decisions[c], positive[c], data.Weights)
                : FitOnFolds(decisions[c], positive[c], data.Weights, folds, calibrationSolves);
            // LinearModel computes σ(A'·s + B') = 1/(1 + exp(−A'·s − B')); Platt's form is 1/(1 + exp(A·s + B)).
            plattA[c] = (float)-a;
            plattB[c] = (float)-b;
        }
        return new LinearModel(n, k, weights, biases, LinearOutput.PlattOneVersusAll, plattA, plattB);
    }

    /// <summary>Platt fit on the rows whose fold was held out (fold index below <paramref name="heldFolds"/>).</summary>
    private static (double A, double B) FitOnFolds(double[] decisions, bool[] positive, float[]? weights, int[] folds, int heldFolds)
    {
        int count = 0;
        foreach (int f in folds) if (f < heldFolds) count++;
        var d = new double[count];
        var p = new bool[count];
        var w = weights is null ? null : new float[count];
        for (int i = 0, h = 0; i < folds.Length; i++)
        {
            if (folds[i] >= heldFolds) continue;
            d[h] = decisions[i];
            p[h] = positive[i];
            if (w is not null) w[h] = weights![i];
            h++;
        }
        return PlattScaling.Fit(d, p, w);
    }

    private OneVersusAllSolution Solve(SparseMatrix x, ReadOnlySpan<int> rows, int[] labels, int classCount, float[]? exampleWeights, int seedOffset, CancellationToken token) =>
        DualCoordinateDescent.SolveOneVersusAll(x, rows, labels, classCount, exampleWeights, Options.C, Options.Loss, Options.Bias, Options.Epsilon,
            Options.MaxIterations, Options.Shrinking, unchecked(Options.Seed + seedOffset), token);

    /// <summary>
    /// A seeded shuffle dealt round-robin within each class, so every fold holds its share of each class
    /// (a rare class's sigmoid still sees positives) and fold sizes differ by at most one per class.
    /// </summary>
    private static int[] AssignFolds(int[] labels, int classCount, int foldCount, int seed)
    {
        var order = new int[labels.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        new Random(seed).Shuffle(order);
        var dealt = new int[classCount];
        var folds = new int[labels.Length];
        foreach (int i in order) folds[i] = dealt[labels[i]]++ % foldCount;
        return folds;
    }
}
