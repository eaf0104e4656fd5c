using System.Globalization;
using Classifier.Engine.Data;
using Classifier.Engine.Models;
using Classifier.Engine.Optimization;

namespace Classifier.Engine.Trainers;

/// <summary>
/// Multinomial logistic regression (softmax cross-entropy) fitted by L-BFGS, or OWL-QN when L1 &gt; 0, as ML.NET's
/// LbfgsMaximumEntropy: objective (Σ_i s_i·CE_i + L2/2·‖W‖²)/Σ_i s_i + (L1/N)·‖W‖₁ (N = row count, as ML.NET's
/// NumGoodRows), biases never penalised. Only columns that occur in the data are optimised (the others stay exactly
/// zero under any regularisation), which keeps the optimiser's history small with large hashed feature spaces.
/// Deterministic whatever the thread count (see <see cref="SoftmaxObjective"/>).
/// </summary>
public sealed class LbfgsMaximumEntropyTrainer(LbfgsMaximumEntropyOptions options) : IMulticlassTrainer
{
    private LbfgsResult? _last;

    public LbfgsMaximumEntropyOptions Options { get; } = options;
    public string Name => "lbfgs";

    /// <summary>Outcome of the last <see cref="Fit"/>, null before the first.</summary>
    public LbfgsResult? LastResult => _last;

    public IReadOnlyDictionary<string, string> Describe()
    {
        var d = new Dictionary<string, string>
        {
            ["l2"] = Options.L2.ToString("R", CultureInfo.InvariantCulture),
            ["l1"] = Options.L1.ToString("R", CultureInfo.InvariantCulture),
            ["max-iterations"] = Options.MaxIterations.ToString(CultureInfo.InvariantCulture),
            ["tolerance"] = Options.Tolerance.ToString("R", CultureInfo.InvariantCulture),
            ["history"] = Options.HistorySize.ToString(CultureInfo.InvariantCulture),
            ["loss"] = "softmax",
        };
        if (_last is not null)
        {
            d["iterations"] = _last.Iterations.ToString(CultureInfo.InvariantCulture);
            d["stop"] = _last.StopReason;
            d["objective"] = _last.Value.ToString("R", CultureInfo.InvariantCulture);
        }
        return d;
    }

    public IMulticlassModel Fit(TrainingSet data, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Validate();
        if (!(Options.L2 >= 0) || !(Options.L1 >= 0) || !float.IsFinite(Options.L2) || !float.IsFinite(Options.L1))
            throw new ArgumentException("L1 and L2 must be finite and non-negative.");
        int k = data.ClassCount;
        int d = data.FeatureCount;
        var map = SoftmaxObjective.BuildColumnMap(data.Features, out int compact);
        var objective = new SoftmaxObjective(data, compact == d ? null : map, compact, Options.L2);
        var theta = new float[objective.ParameterCount];
        int n = Math.Max(1, data.RowCount);
        var optimizer = new LbfgsOptimizer(Options.HistorySize, Options.Tolerance, Options.MaxIterations,
            l1: Options.L1 / (double)n, l1Count: objective.PenalisedCount);
        _last = optimizer.Minimize(objective.ValueAndGradient, theta, progress, cancellationToken);

        var weights = new float[(long)d * k];
        for (int j = 0; j < d; j++)
        {
            int m = map[j];
            if (m >= 0) Array.Copy(theta, (long)m * objective.Stride, weights, (long)j * k, k);
        }
        var biases = theta.AsSpan(objective.PenalisedCount, k).ToArray();
        progress?.Report(1.0);
        return new LinearModel(d, k, weights, biases, LinearOutput.Softmax);
    }
}
