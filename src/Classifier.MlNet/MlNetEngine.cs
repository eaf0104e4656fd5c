using System.Globalization;
using Classifier.Engine.Persistence;
using Classifier.Engine.Pipeline;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Classifier.MlNet;

/// <summary>
/// Plugs ML.NET into the pipeline: its trainers (named mlnet-*) into <see cref="TrainerFactory"/> and its model kind into
/// <see cref="ModelReaders"/>. Programs call <see cref="Register"/> once at start. Every trainer runs on one thread so a
/// seed gives the same model every time (ML.NET's SDCA, FastTree and LightGBM are not reproducible across thread counts).
/// </summary>
public static class MlNetEngine
{
    public const string EngineName = "ml.net";
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        ModelReaders.Register(MlNetModel.ModelKind, MlNetModel.ReadFrom);
        ModelReaders.RegisterForeign(MlNetForeignModel.TryLoad);

        Add("mlnet-sdca", "ML.NET SdcaMaximumEntropy (multinomial logistic regression, SDCA)",
        [
            new("l2", false, 0, true, 1e3, "L2 regularisation (default: ML.NET's, from the data size)"),
            new("l1", false, 0, false, 1e3, "L1 regularisation (default: ML.NET's)"),
            new("iterations", true, 1, false, 10_000, "passes over the data (default: ML.NET's, from the data size)"),
        ], s => ml => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = MlNetTrainer.Label, FeatureColumnName = MlNetTrainer.Features, ExampleWeightColumnName = MlNetTrainer.Weight,
            L2Regularization = (float?)Get(s, "l2"), L1Regularization = (float?)Get(s, "l1"), MaximumNumberOfIterations = (int?)Get(s, "iterations"),
            NumberOfThreads = 1,
        }));
        var lbfgs = new LbfgsMaximumEntropyMulticlassTrainer.Options();
        Add("mlnet-lbfgs", "ML.NET LbfgsMaximumEntropy (multinomial logistic regression, L-BFGS)",
        [
            new("l2", false, 0, false, 1e3, $"L2 regularisation (default {lbfgs.L2Regularization.ToString(CultureInfo.InvariantCulture)})"),
            new("l1", false, 0, false, 1e3, $"L1 regularisation (default {lbfgs.L1Regularization.ToString(CultureInfo.InvariantCulture)})"),
        ], s => ml => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = MlNetTrainer.Label, FeatureColumnName = MlNetTrainer.Features, ExampleWeightColumnName = MlNetTrainer.Weight,
            L2Regularization = (float)(Get(s, "l2") ?? lbfgs.L2Regularization), L1Regularization = (float)(Get(s, "l1") ?? lbfgs.L1Regularization),
            NumberOfThreads = 1,
        }));
        var svm = new LinearSvmTrainer.Options();
        Add("mlnet-svm", "ML.NET LinearSvm, one-versus-all, Platt-calibrated",
        [
            new("lambda", false, 0, true, 1e3, $"L2 regularisation (default {svm.Lambda.ToString(CultureInfo.InvariantCulture)})"),
            new("iterations", true, 1, false, 10_000, $"passes over the data (default {svm.NumberOfIterations})"),
        ], s => ml => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
        {
            FeatureColumnName = MlNetTrainer.Features, ExampleWeightColumnName = MlNetTrainer.Weight,
            Lambda = (float)(Get(s, "lambda") ?? svm.Lambda), NumberOfIterations = (int)(Get(s, "iterations") ?? svm.NumberOfIterations),
        }), MlNetTrainer.Label, useProbabilities: true));
        var tree = new FastTreeBinaryTrainer.Options();
        Add("mlnet-fasttree", "ML.NET FastTree (boosted trees), one-versus-all; slow on sparse text",
            TreeSettings(tree.NumberOfTrees, tree.NumberOfLeaves, tree.LearningRate, tree.MinimumExampleCountPerLeaf),
            s => ml => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                FeatureColumnName = MlNetTrainer.Features, ExampleWeightColumnName = MlNetTrainer.Weight,
                NumberOfTrees = (int)(Get(s, "trees") ?? tree.NumberOfTrees), NumberOfLeaves = (int)(Get(s, "leaves") ?? tree.NumberOfLeaves),
                LearningRate = Get(s, "learning-rate") ?? tree.LearningRate,
                MinimumExampleCountPerLeaf = (int)(Get(s, "min-leaf") ?? tree.MinimumExampleCountPerLeaf),
                NumberOfThreads = 1,
            }), MlNetTrainer.Label, useProbabilities: true));
        var gbm = new LightGbmMulticlassTrainer.Options();
        Add("mlnet-lightgbm", "ML.NET LightGBM (boosted trees, softmax); needs libgomp1",
            TreeSettings(gbm.NumberOfIterations, gbm.NumberOfLeaves ?? 20, gbm.LearningRate ?? 0.2, gbm.MinimumExampleCountPerLeaf ?? 20),
            s => ml => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = MlNetTrainer.Label, FeatureColumnName = MlNetTrainer.Features, ExampleWeightColumnName = MlNetTrainer.Weight,
                NumberOfIterations = (int)(Get(s, "trees") ?? gbm.NumberOfIterations), NumberOfLeaves = (int?)Get(s, "leaves") ?? gbm.NumberOfLeaves,
                LearningRate = Get(s, "learning-rate") ?? gbm.LearningRate,
                MinimumExampleCountPerLeaf = (int?)Get(s, "min-leaf") ?? gbm.MinimumExampleCountPerLeaf,
                NumberOfThreads = 1, Silent = true,
            }));

        // Measured on the 3,305 rows of the default model (bench/RESULTS.md): the linear pipelines join auto's
        // default list after ours; the tree ensembles take minutes per fold, so they run only when asked for.
        AutoSelector.AddCandidate(new("mlnet-svm", new Dictionary<string, string>()), 2, inDefault: true);
        AutoSelector.AddCandidate(new("mlnet-sdca", new Dictionary<string, string> { ["iterations"] = "30" }), 2, inDefault: true);
        AutoSelector.AddCandidate(new("mlnet-lbfgs", new Dictionary<string, string>()), 4, inDefault: false);
        AutoSelector.AddCandidate(new("mlnet-lightgbm", new Dictionary<string, string>()), 5, inDefault: false);
        AutoSelector.AddCandidate(new("mlnet-fasttree", new Dictionary<string, string>()), 6, inDefault: false);
    }

    private static TrainerSetting[] TreeSettings(int trees, int leaves, double learningRate, int minLeaf) =>
    [
        new("trees", true, 1, false, 10_000, $"number of trees (default {trees})"),
        new("leaves", true, 2, false, 1_000, $"leaves per tree (default {leaves})"),
        new("learning-rate", false, 0, true, 10, $"shrinkage (default {learningRate.ToString(CultureInfo.InvariantCulture)})"),
        new("min-leaf", true, 1, false, 1_000_000, $"fewest examples in a leaf (default {minLeaf})"),
    ];

    private static void Add(string name, string description, IReadOnlyList<TrainerSetting> settings,
        Func<IReadOnlyDictionary<string, double>, Func<MLContext, IEstimator<ITransformer>>> build) =>
        TrainerFactory.Register(new TrainerDefinition(name, description, settings,
            (context, values) => new MlNetTrainer(name, context.Seed, context.Featurizer, Described(values), build(values)), EngineName));

    private static Dictionary<string, string> Described(IReadOnlyDictionary<string, double> values)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values) result[key] = value.ToString(CultureInfo.InvariantCulture);
        return result;
    }

    private static double? Get(IReadOnlyDictionary<string, double> settings, string key) => settings.TryGetValue(key, out var v) ? v : null;
}
