using System.Globalization;
using Classifier.Engine.Data;
using Classifier.Engine.Models;

namespace Classifier.Engine.Trainers;

/// <summary>
/// Multinomial logistic regression by stochastic dual coordinate ascent (Shalev-Shwartz &amp; Zhang 2013), in its
/// true multinomial form rather than ML.NET's pairwise one. Primal:
/// <code>P(W) = (1/S)·Σ_i s_i·CE(Wᵀx_i, y_i) + λ/2·‖W‖² + L1·‖W‖₁,   S = Σ_i s_i</code>
/// with the bias carried by a constant feature of value <see cref="SdcaMaximumEntropyOptions.BiasScale"/> (so it is
/// lightly L2-penalised, never L1). The conjugate of the softmax loss is the negative entropy on the simplex, so each
/// example's dual variable is a probability vector p_i and <c>W = (1/(λS))·Σ_i s_i·x_i·(e_{y_i} − p_i)ᵀ</c>;
/// at the optimum p_i is the model's own softmax output. Each coordinate step maximises the dual exactly over p_i:
/// <c>max_p H(p) + zᵀp − a/2·‖p − p_old‖²</c>, a = s_i·‖x_i‖²/(λS), whose solution is p_c = h⁻¹(t_c − μ) with
/// h(p) = log p + a·p, t = z + a·p_old and μ set by Newton so that Σp = 1.
/// </summary>
/// <remarks>
/// Why not ML.NET's pairwise form: that loss (Σ_{c≠y} log(1+exp(s_c − s_y))) is not the softmax cross-entropy,
/// yet ML.NET turns its scores into probabilities with a softmax, so they are not the maximum-likelihood
/// estimates (the pairwise form was not implemented here to measure by how much). The multinomial dual optimises
/// exactly the objective L-BFGS does (with a lightly penalised bias; tests check both against scikit-learn), and
/// its dual variables are the training predictions, which makes the duality gap exact. Examples are visited single-threaded in a seeded
/// random order, so the result is identical whatever the thread count; only the duality-gap pass (a pure
/// reduction over fixed row chunks, summed in order) runs in parallel. The run stops when (P−D)/P falls below
/// the tolerance and returns the best primal iterate seen at a check, as ML.NET does.
/// Automatic settings are ML.NET's: maxIter = 3·max(1, 500000/n), λ = max(1e-6, 20/(E·n)) with E = maxIter/2.
/// That λ looks tiny for small data (2.7e-5 at n = 400, scikit-learn C ≈ 94), so it was measured on the bench
/// corpus generator (bench/make_corpus.py, 400 training / 4000 test rows, 3 classes, 2^19+2^19 hashed features,
/// ~730 non-zeros per row, rows L2-normalised per block), test log-loss at a 1e-2 gap: λ = 1e-6 → 0.782,
/// 3e-6 → 0.740, 1e-5 → 0.732, 2.7e-5 (auto) → 0.735 (accuracy 0.694), 2.5e-4 → 0.782; at a 1e-4 gap:
/// 2.5e-4 → 0.784, 1e-3 → 0.848, 2.5e-3 → 0.907 (scikit-learn's C = 1 is λ = 2.5e-3 here).
/// Unit-norm text rows need large weights, so the automatic λ sits at the optimum and is kept as is.
/// The gap tolerance defaults to 0.01 instead of ML.NET's 0.1: at 0.1 the run stops after 2–3 passes and, on the
/// same corpus, log-loss is 0.761 instead of 0.735 (accuracy 0.674 instead of 0.694) for one or two extra passes.
/// </remarks>
public sealed class SdcaMaximumEntropyTrainer(SdcaMaximumEntropyOptions options) : IMulticlassTrainer
{
    private const int GapChunkRows = 4096;
    private double _usedL2 = double.NaN;
    private int _usedMaxIterations;
    private int _passes;
    private double _gap = double.NaN;

    public SdcaMaximumEntropyOptions Options { get; } = options;
    public string Name => "sdca";

    /// <summary>ML.NET's automatic pass count: 3·max(1, 500000/n).</summary>
    public static int AutomaticMaxIterations(int rows) => 3 * Math.Max(1, 500_000 / Math.Max(1, rows));

    /// <summary>ML.NET's automatic λ = max(1e-6, 20/(E·n)), E = maxIter/2 (see the class remarks for why it is kept).</summary>
    /// <param name="rows">Training rows.</param>
    /// <param name="maxIterations">Passes that will be allowed.</param>
    public static double AutomaticL2(int rows, int maxIterations)
    {
        int n = Math.Max(1, rows);
        double expected = Math.Max(1.0, maxIterations / 2.0);
        return Math.Max(1e-6, 20.0 / (expected * n));
    }

    public IReadOnlyDictionary<string, string> Describe()
    {
        var d = new Dictionary<string, string>
        {
            ["loss"] = "softmax (multinomial dual)",
            ["l1"] = Options.L1.ToString("R", CultureInfo.InvariantCulture),
            ["tolerance"] = Options.ConvergenceTolerance.ToString("R", CultureInfo.InvariantCulture),
            ["bias-scale"] = Options.BiasScale.ToString("R", CultureInfo.InvariantCulture),
            ["seed"] = Options.Seed.ToString(CultureInfo.InvariantCulture),
            ["l2"] = Options.L2 is { } l2 ? l2.ToString("R", CultureInfo.InvariantCulture)
                : double.IsNaN(_usedL2) ? "auto" : _usedL2.ToString("R", CultureInfo.InvariantCulture),
            ["max-iterations"] = Options.MaxIterations is { } m ? m.ToString(CultureInfo.InvariantCulture)
                : _usedMaxIterations > 0 ? _usedMaxIterations.ToString(CultureInfo.InvariantCulture) : "auto",
        };
        if (_passes > 0)
        {
            d["iterations"] = _passes.ToString(CultureInfo.InvariantCulture);
            d["duality-gap"] = _gap.ToString("R", CultureInfo.InvariantCulture);
        }
        return d;
    }

    public IMulticlassModel Fit(TrainingSet data, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Validate();
        if (!(Options.L1 >= 0) || !float.IsFinite(Options.L1)) throw new ArgumentException("L1 must be finite and non-negative.");
        if (Options.L2 is { } given && (!(given > 0) || !float.IsFinite(given))) throw new ArgumentException("L2 must be finite and positive.");
        if (!(Options.BiasScale > 0) || !float.IsFinite(Options.BiasScale)) throw new ArgumentException("BiasScale must be finite and positive.");

        int n = data.RowCount;
        int k = data.ClassCount;
        int d = data.FeatureCount;
        int maxPasses = Options.MaxIterations ?? AutomaticMaxIterations(n);
        double lambda = Options.L2 ?? AutomaticL2(n, maxPasses);
        _usedL2 = lambda;
        _usedMaxIterations = maxPasses;

        var state = new DualState(data, lambda, Options.L1, Options.BiasScale);
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var rng = new Random(Options.Seed);
        var bestW = new float[(long)d * state.Stride];
        var bestB = new float[k];
        double bestPrimal = double.PositiveInfinity;
        double gap = double.NaN;
        int pass = 0;
        while (pass < maxPasses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int i = n - 1; i > 0; i--)
            {
                int r = rng.Next(i + 1);
                (order[i], order[r]) = (order[r], order[i]);
            }
            state.Pass(order, cancellationToken);
            pass++;
            var (primal, dual) = state.PrimalAndDual();
            if (primal < bestPrimal)
            {
                bestPrimal = primal;
                state.Weights.CopyTo(bestW, 0);
                state.CopyBiasesTo(bestB);
            }
            gap = primal > 0 ? (primal - dual) / primal : 0;
            progress?.Report((double)pass / maxPasses);
            if (gap < Options.ConvergenceTolerance) break;
        }
        _passes = pass;
        _gap = gap;
        progress?.Report(1.0);
        var weights = new float[(long)d * k];
        for (int j = 0; j < d; j++) Array.Copy(bestW, (long)j * state.Stride, weights, (long)j * k, k);
        return new LinearModel(d, k, weights, bestB, LinearOutput.Softmax);
    }

    /// <summary>Dual variables and the primal weights they define.</summary>
    private sealed class DualState
    {
        private readonly TrainingSet _data;
        private readonly int _k;
        private readonly int _stride;
        private readonly double _lambda;
        private readonly double _weightSum;
        private readonly float _l1Threshold;
        private readonly float _l1;
        private readonly float _biasScale;
        private readonly float[] _v;           // dual-derived weights (1/(λS))·Σ s·x·α; equals Weights when L1 = 0
        private readonly float[] _vBias;       // the same for the constant bias feature
        private readonly float[] _p;           // dual probabilities, n·K
        private readonly double[] _entropy;    // H(p_i)
        private readonly float[] _squaredNorm; // ‖x_i‖² + BiasScale²
        private readonly double[] _chunkSums;

        public DualState(TrainingSet data, double lambda, float l1, float biasScale)
        {
            _data = data;
            _k = data.ClassCount;
            _stride = Optimization.RowKernels.Stride(_k);
            _lambda = lambda;
            _l1 = l1;
            _l1Threshold = (float)(l1 / lambda);
            _biasScale = biasScale;
            int n = data.RowCount;
            double sum = 0;
            for (int i = 0; i < n; i++) sum += data.WeightOf(i);
            _weightSum = sum;
            Weights = new float[(long)data.FeatureCount * _stride];
            _v = l1 > 0 ? new float[Weights.Length] : Weights;
            _vBias = new float[_k];
            _p = new float[(long)n * _k];
            for (int i = 0; i < n; i++) _p[(long)i * _k + data.Labels[i]] = 1f;
            _entropy = new double[n];
            _squaredNorm = new float[n];
            var buffer = new float[data.Features.MaxRowLength];
            for (int i = 0; i < n; i++) _squaredNorm[i] = data.Features.Row(i, buffer).SquaredNorm() + biasScale * biasScale;
            _chunkSums = new double[(n + GapChunkRows - 1) / GapChunkRows];
        }

        /// <summary>Primal weights, feature-major with blocks of <see cref="Stride"/> (padding lanes zero).</summary>
        public float[] Weights { get; }

        public int Stride => _stride;

        public void CopyBiasesTo(float[] biases)
        {
            for (int c = 0; c < _k; c++) biases[c] = _biasScale * _vBias[c];
        }

        public void Pass(int[] order, CancellationToken cancellationToken)
        {
            int k = _k;
            int stride = _stride;
            if (_weightSum <= 0) return;
            var features = _data.Features;
            var weights = _data.Weights;
            var w = Weights;
            var v = _v;
            bool l1 = _l1 > 0;
            float threshold = _l1Threshold;
            double lambdaS = _lambda * _weightSum;
            Span<float> zf = stackalloc float[stride];
            Span<double> z = stackalloc double[k];
            Span<double> pNew = stackalloc double[k];
            Span<float> coef = stackalloc float[stride];
            coef.Clear();
            var buffer = new float[features.MaxRowLength];
            for (int o = 0; o < order.Length; o++)
            {
                if ((o & 4095) == 4095) cancellationToken.ThrowIfCancellationRequested();
                int i = order[o];
                float s = weights is null ? 1f : weights[i];
                if (s == 0f) continue;
                var row = features.Row(i, buffer);
                var idx = row.Indices;
                var val = row.Values;
                RowScores(row, w, zf, z);
                var pOld = _p.AsSpan(i * k, k);
                double a = s * _squaredNorm[i] / lambdaS;
                SolveStep(z, pOld, a, pNew);

                double step = s / lambdaS;
                double maxChange = 0;
                for (int c = 0; c < k; c++)
                {
                    double delta = pNew[c] - pOld[c];
                    maxChange = Math.Max(maxChange, Math.Abs(delta));
                    coef[c] = (float)(-delta * step);
                }
                if (maxChange == 0) continue;
                for (int t = 0; t < idx.Length; t++)
                {
                    int offset = idx[t] * stride;
                    Optimization.RowKernels.ScatterScaled(v, offset, coef, val[t], stride);
                    if (l1)
                        for (int c = 0; c < k; c++) w[offset + c] = SoftThreshold(v[offset + c], threshold);
                }
                for (int c = 0; c < k; c++) _vBias[c] += _biasScale * coef[c];
                double h = 0;
                for (int c = 0; c < k; c++)
                {
                    pOld[c] = (float)pNew[c];
                    if (pNew[c] > 0) h -= pNew[c] * Math.Log(pNew[c]);
                }
                _entropy[i] = h;
            }
        }

        private static float SoftThreshold(float value, float threshold) =>
            value > threshold ? value - threshold : value < -threshold ? value + threshold : 0f;

        /// <summary>
        /// Exact maximiser of H(p) + zᵀp − a/2·‖p − pOld‖² over the simplex: p_c = h⁻¹(t_c − μ) with
        /// h(p) = log p + a·p and t = z + a·pOld. Σ_c p_c(μ) − 1 is decreasing and convex in μ, so Newton started
        /// where it is ≥ 0 (μ = max t − a puts the top class at p = 1) climbs monotonically to the root.
        /// </summary>
        private static void SolveStep(ReadOnlySpan<double> z, ReadOnlySpan<float> pOld, double a, Span<double> p)
        {
            int k = z.Length;
            Span<double> t = stackalloc double[k];
            double tMax = double.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                t[c] = z[c] + a * pOld[c];
                tMax = Math.Max(tMax, t[c]);
            }
            double mu = tMax - a;
            for (int iter = 0; iter < 100; iter++)
            {
                double sum = 0, slope = 0;
                for (int c = 0; c < k; c++)
                {
                    double pc = InverseH(t[c] - mu, a);
                    p[c] = pc;
                    sum += pc;
                    slope += pc / (1 + a * pc);
                }
                double excess = sum - 1;
                if (excess <= 1e-12 || slope <= 0) break;
                mu += excess / slope;
            }
            double total = 0;
            for (int c = 0; c < k; c++) total += p[c];
            for (int c = 0; c < k; c++) p[c] /= total;
        }

        /// <summary>Solves log p + a·p = value for p &gt; 0 (Newton in u = log p from an upper bound: monotone).</summary>
        private static double InverseH(double value, double a)
        {
            if (a <= 0) return Math.Exp(value);
            double u = value > 0 ? Math.Min(value, Math.Log(value / a)) : value;
            for (int iter = 0; iter < 100; iter++)
            {
                double e = a * Math.Exp(u);
                double step = (u + e - value) / (1 + e);
                u -= step;
                if (Math.Abs(step) < 1e-12 * Math.Max(1, Math.Abs(u))) break;
            }
            return Math.Exp(u);
        }

        /// <summary>Primal P(W) and dual D(p) (see the class remarks); parallel over fixed row chunks, summed in order.</summary>
        public (double Primal, double Dual) PrimalAndDual()
        {
            int n = _data.RowCount;
            if (_weightSum <= 0) return (0, 0);
            Parallel.For(0, _chunkSums.Length, chunk => _chunkSums[chunk] = ChunkLoss(chunk * GapChunkRows, Math.Min(n, (chunk + 1) * GapChunkRows)));
            double loss = 0;
            for (int c = 0; c < _chunkSums.Length; c++) loss += _chunkSums[c];
            double entropy = 0;
            for (int i = 0; i < n; i++) entropy += _data.WeightOf(i) * _entropy[i];
            double squared = 0, absolute = 0;
            foreach (var x in Weights)
            {
                squared += (double)x * x;
                absolute += Math.Abs(x);
            }
            foreach (var x in _vBias) squared += (double)x * x;
            double half = 0.5 * _lambda * squared;
            double dual = entropy / _weightSum - half;
            double primal = loss / _weightSum + half + _l1 * absolute;
            return (primal, dual);
        }

        /// <summary>z_c = w_cᵀx + b_c for one row; <paramref name="scratch"/> holds the padded float sums.</summary>
        private void RowScores(Data.SparseRow row, float[] w, Span<float> scratch, Span<double> z)
        {
            var idx = row.Indices;
            var val = row.Values;
            scratch.Clear();
            for (int t = 0; t < idx.Length; t++)
                Optimization.RowKernels.AddScaled(scratch, w, idx[t] * _stride, val[t], _stride);
            for (int c = 0; c < _k; c++) z[c] = scratch[c] + _biasScale * _vBias[c];
        }

        /// <summary>Σ s_i·CE_i over rows [start, end) at the current weights.</summary>
        private double ChunkLoss(int start, int end)
        {
            int k = _k;
            var features = _data.Features;
            int stride = _stride;
            var w = Weights;
            Span<double> z = stackalloc double[k];
            Span<float> zf = stackalloc float[stride];
            var buffer = new float[features.MaxRowLength];
            double sum = 0;
            for (int i = start; i < end; i++)
            {
                float s = _data.WeightOf(i);
                if (s == 0f) continue;
                RowScores(features.Row(i, buffer), w, zf, z);
                double max = double.NegativeInfinity;
                for (int c = 0; c < k; c++) max = Math.Max(max, z[c]);
                double e = 0;
                for (int c = 0; c < k; c++) e += Math.Exp(z[c] - max);
                sum += s * (Math.Log(e) + max - z[_data.Labels[i]]);
            }
            return sum;
        }
    }
}
