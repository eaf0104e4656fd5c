using System.Collections.Concurrent;
using System.Globalization;
using Classifier.Engine.Data;
using Classifier.Engine.Models;

namespace Classifier.Engine.Trainers;

/// <summary>
/// FastTree-style gradient-boosted regression trees trained directly on the sparse rows (see ENGINE_NOTES "FastTree").
/// Columns that can split are ranked by χ² and the best <see cref="FastTreeOptions.MaxFeatures"/> kept, then binned
/// once (≤ <see cref="FastTreeOptions.MaxBins"/> bins, zero implicit); trees are grown best-leaf-first on
/// gradient/hessian histograms by <see cref="RegressionTreeLearner"/>. Both objectives are Newton boosting of the
/// logistic (one-versus-all) or softmax loss from the log class priors, with gradients and hessians multiplied by
/// the example weights. Work is parallel only over classes (and over feature chunks of the shared softmax roots),
/// each unit computed in a fixed order, so a model is identical whatever the thread count.
/// </summary>
public sealed class FastTreeTrainer(FastTreeOptions options) : IMulticlassTrainer
{
    public FastTreeOptions Options { get; } = options;
    public string Name => "fasttree";

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["objective"] = Options.Objective.ToString(),
        ["trees"] = Options.NumberOfTrees.ToString(CultureInfo.InvariantCulture),
        ["leaves"] = Options.NumberOfLeaves.ToString(CultureInfo.InvariantCulture),
        ["learning-rate"] = Options.LearningRate.ToString(CultureInfo.InvariantCulture),
        ["min-leaf"] = Options.MinimumExampleCountPerLeaf.ToString(CultureInfo.InvariantCulture),
        ["max-bins"] = Options.MaxBins.ToString(CultureInfo.InvariantCulture),
        ["max-features"] = Options.MaxFeatures.ToString(CultureInfo.InvariantCulture),
        ["row-sample"] = Options.RowSampleFraction.ToString(CultureInfo.InvariantCulture),
        ["l2"] = Options.L2Regularization.ToString(CultureInfo.InvariantCulture),
        ["seed"] = Options.Seed.ToString(CultureInfo.InvariantCulture),
    };

    public IMulticlassModel Fit(TrainingSet data, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        data.Validate();
        Options.Validate();
        var binned = BinnedFeatures.Build(data, Options.MinimumExampleCountPerLeaf, Options.MaxFeatures, Options.MaxBins);
        cancellationToken.ThrowIfCancellationRequested();
        var run = new Run(Options, data, binned, progress, cancellationToken);
        return Options.Objective == FastTreeObjective.Softmax ? run.Softmax() : run.OneVersusAll();
    }

    /// <summary>State of one Fit: the binned data, a pool of learners (one per worker), finished trees per slot.</summary>
    private sealed class Run(FastTreeOptions options, TrainingSet data, BinnedFeatures binned, IProgress<double>? progress, CancellationToken token)
    {
        private readonly ConcurrentBag<RegressionTreeLearner> _learners = [];
        private readonly int _k = data.ClassCount;
        private readonly int _n = data.RowCount;
        private int _treesDone;

        private ParallelOptions Parallelism => new() { MaxDegreeOfParallelism = Math.Min(_k, Environment.ProcessorCount), CancellationToken = token };

        public TreeEnsembleModel OneVersusAll()
        {
            var priors = Priors();
            var bias = new float[_k];
            for (int c = 0; c < _k; c++) bias[c] = (float)Math.Log(priors[c] / (1 - priors[c]));
            var trees = new FlatTree[_k][];
            Parallel.For(0, _k, Parallelism, c =>
            {
                var learner = Rent();
                try { trees[c] = BoostOneVersusAll(learner, c, bias[c]); }
                finally { _learners.Add(learner); }
            });
            var ordered = new List<FlatTree>(_k * options.NumberOfTrees);
            foreach (var perClass in trees) ordered.AddRange(perClass);
            return Assemble(TreeEnsembleOutput.OneVersusAllSigmoid, bias, ordered);
        }

        private FlatTree[] BoostOneVersusAll(RegressionTreeLearner learner, int c, float bias)
        {
            var scores = new float[_n];
            Array.Fill(scores, bias);
            var gradients = new float[_n];
            var hessians = new float[_n];
            var rows = new int[_n];
            var result = new FlatTree[options.NumberOfTrees];
            for (int t = 0; t < result.Length; t++)
            {
                token.ThrowIfCancellationRequested();
                for (int r = 0; r < _n; r++)
                {
                    float p = LinearModel.Sigmoid(scores[r]);
                    float w = data.WeightOf(r);
                    gradients[r] = w * (p - (data.Labels[r] == c ? 1f : 0f));
                    hessians[r] = w * Math.Max(p * (1f - p), 1e-12f);
                }
                int count = Sample(rows, c, t);
                learner.Grow(rows.AsSpan(0, count), gradients, hessians);
                result[t] = Apply(learner, c, scores, count);
                Report();
            }
            return result;
        }

        public TreeEnsembleModel Softmax()
        {
            var priors = Priors();
            var bias = new float[_k];
            for (int c = 0; c < _k; c++) bias[c] = (float)Math.Log(priors[c]);
            var scores = new float[_k][];
            var gradients = new float[_k][];
            var hessians = new float[_k][];
            for (int c = 0; c < _k; c++)
            {
                scores[c] = new float[_n];
                Array.Fill(scores[c], bias[c]);
                gradients[c] = new float[_n];
                hessians[c] = new float[_n];
            }
            // LightGBM's factor K/(K−1) on the diagonal hessian of the softmax loss.
            float factor = _k / (_k - 1f);
            var probabilities = new float[_k];
            var trees = new FlatTree[options.NumberOfTrees * _k];
            var rows = new int[_k][];
            for (int c = 0; c < _k; c++) rows[c] = new int[_n];
            // Without row sampling the K roots of a round share their rows: build them in one pass.
            bool shareRoots = options.RowSampleFraction >= 1f;
            var roots = shareRoots ? new SharedRootHistograms(binned, _k) : null;
            var interleaved = shareRoots ? new float[(long)_n * 2 * _k] : [];
            for (int t = 0; t < options.NumberOfTrees; t++)
            {
                token.ThrowIfCancellationRequested();
                for (int r = 0; r < _n; r++)
                {
                    for (int c = 0; c < _k; c++) probabilities[c] = scores[c][r];
                    LinearModel.Softmax(probabilities);
                    float w = data.WeightOf(r);
                    int y = data.Labels[r];
                    for (int c = 0; c < _k; c++)
                    {
                        float p = probabilities[c];
                        gradients[c][r] = w * (p - (y == c ? 1f : 0f));
                        hessians[c][r] = w * Math.Max(factor * p * (1f - p), 1e-12f);
                    }
                    if (shareRoots)
                        for (int c = 0; c < _k; c++)
                        {
                            interleaved[(long)r * 2 * _k + 2 * c] = gradients[c][r];
                            interleaved[(long)r * 2 * _k + 2 * c + 1] = hessians[c][r];
                        }
                }
                roots?.Build(interleaved, Math.Max(1, Environment.ProcessorCount));
                int round = t;
                Parallel.For(0, _k, Parallelism, c =>
                {
                    var learner = Rent();
                    try
                    {
                        int count = Sample(rows[c], c, round);
                        learner.Grow(rows[c].AsSpan(0, count), gradients[c], hessians[c], roots, c);
                        trees[round * _k + c] = Apply(learner, c, scores[c], count);
                    }
                    finally { _learners.Add(learner); }
                    Report();
                });
            }
            return Assemble(TreeEnsembleOutput.Softmax, bias, trees);
        }

        private RegressionTreeLearner Rent() => _learners.TryTake(out var l) ? l : new RegressionTreeLearner(binned, options);

        private void Report()
        {
            int done = Interlocked.Increment(ref _treesDone);
            progress?.Report((double)done / (options.NumberOfTrees * _k));
        }

        /// <summary>Weighted class priors, kept away from 0 and 1 so the initial log-odds stay finite.</summary>
        private double[] Priors()
        {
            var mass = new double[_k];
            double total = 0;
            for (int r = 0; r < _n; r++)
            {
                double w = data.WeightOf(r);
                mass[data.Labels[r]] += w;
                total += w;
            }
            for (int c = 0; c < _k; c++) mass[c] = total > 0 ? Math.Clamp(mass[c] / total, 1e-6, 1 - 1e-6) : 1.0 / _k;
            return mass;
        }

        /// <summary>The rows the tree of (class, round) sees, ascending; a seeded draw per tree keeps it order-free.</summary>
        private int Sample(int[] rows, int c, int round)
        {
            if (options.RowSampleFraction >= 1f)
            {
                for (int r = 0; r < _n; r++) rows[r] = r;
                return _n;
            }
            // HashCode.Combine is salted per process, so mix the seed by hand to keep runs reproducible.
            ulong mixed = unchecked((ulong)options.Seed * 0x9E3779B97F4A7C15UL ^ (ulong)c * 0xC2B2AE3D27D4EB4FUL ^ (ulong)round * 0x165667B19E3779F9UL);
            mixed = unchecked((mixed ^ (mixed >> 31)) * 0xBF58476D1CE4E5B9UL);
            var random = new Random((int)(mixed >> 33));
            int count = 0;
            for (int r = 0; r < _n; r++)
                if (random.NextDouble() < options.RowSampleFraction) rows[count++] = r;
            return count;
        }

        /// <summary>Adds the grown tree to the class scores and copies it out with original columns and float thresholds.</summary>
        private FlatTree Apply(RegressionTreeLearner learner, int c, float[] scores, int sampled)
        {
            int nodes = learner.NodeCount;
            var tree = new FlatTree(c, new int[nodes], new float[nodes], learner.NodeLeft[..nodes], learner.NodeRight[..nodes], new float[nodes + 1]);
            for (int i = 0; i < nodes; i++)
            {
                tree.Feature[i] = binned.Columns[learner.NodeFeature[i]];
                tree.Threshold[i] = binned.Upper[learner.NodeCode[i]];
            }
            for (int l = 0; l <= nodes; l++)
            {
                float value = (float)learner.LeafValue[l];
                tree.LeafValue[l] = value;
                foreach (int r in learner.LeafRows(l)) scores[r] += value;
            }
            if (sampled < _n)
            {
                // Rows outside the sample walk the tree on their bins.
                var seen = new bool[_n];
                for (int l = 0; l <= nodes; l++)
                    foreach (int r in learner.LeafRows(l)) seen[r] = true;
                for (int r = 0; r < _n; r++)
                {
                    if (seen[r]) continue;
                    int child = nodes == 0 ? ~0 : 0;
                    while (child >= 0)
                        child = binned.BinOf(r, learner.NodeFeature[child]) <= learner.NodeCode[child] ? learner.NodeLeft[child] : learner.NodeRight[child];
                    scores[r] += tree.LeafValue[~child];
                }
            }
            return tree;
        }

        private TreeEnsembleModel Assemble(TreeEnsembleOutput output, float[] bias, IReadOnlyList<FlatTree> trees)
        {
            int nodeTotal = 0, leafTotal = 0;
            foreach (var t in trees) { nodeTotal += t.Feature.Length; leafTotal += t.LeafValue.Length; }
            var treeClass = new int[trees.Count];
            var nodeStart = new int[trees.Count + 1];
            var leafStart = new int[trees.Count + 1];
            var feature = new int[nodeTotal];
            var threshold = new float[nodeTotal];
            var left = new int[nodeTotal];
            var right = new int[nodeTotal];
            var leafValue = new float[leafTotal];
            for (int i = 0; i < trees.Count; i++)
            {
                var t = trees[i];
                treeClass[i] = t.ClassIndex;
                t.Feature.CopyTo(feature, nodeStart[i]);
                t.Threshold.CopyTo(threshold, nodeStart[i]);
                t.Left.CopyTo(left, nodeStart[i]);
                t.Right.CopyTo(right, nodeStart[i]);
                t.LeafValue.CopyTo(leafValue, leafStart[i]);
                nodeStart[i + 1] = nodeStart[i] + t.Feature.Length;
                leafStart[i + 1] = leafStart[i] + t.LeafValue.Length;
            }
            return new TreeEnsembleModel(data.FeatureCount, _k, output, bias, treeClass, nodeStart, leafStart, feature, threshold, left, right, leafValue);
        }
    }

    private sealed record FlatTree(int ClassIndex, int[] Feature, float[] Threshold, int[] Left, int[] Right, float[] LeafValue);
}
