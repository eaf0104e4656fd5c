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

        int solvesPerClass = 1 + Options.Calibration switch { SvmCalibration.HoldOut => 1, SvmCalibration.CrossValidation => Options.CalibrationFolds, _ => 0 };
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

            double[] decisions;
            bool[] calibrationPositive;
            float[]? calibrationWeights;
            if (folds is null)
            {
                decisions = new double[rowCount];
                for (int i = 0; i < rowCount; i++) decisions[i] = DualCoordinateDescent.Decision(x, i, w, Options.Bias);
                calibrationPositive = positive;
                calibrationWeights = data.Weights;
            }
            else
            {
                int used = Options.Calibration == SvmCalibration.HoldOut ? 1 : Options.CalibrationFolds;
                var held = new List<int>(rowCount);
                for (int i = 0; i < rowCount; i++) if (folds[i] < used) held.Add(i);
                decisions = new double[held.Count];
                calibrationPositive = new bool[held.Count];
                calibrationWeights = data.Weights is null ? null : new float[held.Count];
                for (int h = 0; h < held.Count; h++)
                {
                    calibrationPositive[h] = positive[held[h]];
                    if (calibrationWeights is not null) calibrationWeights[h] = data.Weights![held[h]];
                }
                var train = new List<int>(rowCount);
                for (int f = 0; f < used; f++)
                {
                    train.Clear();
                    for (int i = 0; i < rowCount; i++) if (folds[i] != f) train.Add(i);
                    var foldSolution = Solve(x, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(train), y, data.Weights,
                        unchecked(c + 7919 * (f + 1)), cancellationToken);
                    for (int h = 0; h < held.Count; h++)
                        if (folds[held[h]] == f) decisions[h] = DualCoordinateDescent.Decision(x, held[h], foldSolution.Weights, Options.Bias);
                    progress?.Report((double)Interlocked.Increment(ref done) / (k * solvesPerClass));
                }
            }
            var (a, b) = PlattScaling.Fit(decisions, calibrationPositive, calibrationWeights);
            // LinearModel computes σ(A'·s + B') = 1/(1 + exp(−A'·s − B')); Platt's form is 1/(1 + exp(A·s + B)).
            plattA[c] = (float)-a;
            plattB[c] = (float)-b;
        });
        return new LinearModel(n, k, weights, biases, LinearOutput.PlattOneVersusAll, plattA, plattB);
    }

    private DualSolution Solve(SparseMatrix x, ReadOnlySpan<int> rows, ReadOnlySpan<sbyte> y, float[]? exampleWeights, int seedOffset, CancellationToken token) =>
        DualCoordinateDescent.Solve(x, rows, y, exampleWeights, Options.C, Options.Loss, Options.Bias, Options.Epsilon,
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
