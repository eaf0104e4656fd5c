using System.Collections.Concurrent;
using Classifier.Engine.Featurization;
using Classifier.Engine.Trainers;
using Classifier.Text.Diagnostics;

namespace Classifier.Engine.Pipeline;

/// <summary>
/// The trainers a model can name, each registered with its settings and their ranges, so a bad <c>--set</c> is a
/// usage error (exit 2) before any data is read, and a second engine can add its trainers without touching the pipeline.
/// </summary>
public static class TrainerFactory
{
    private static readonly ConcurrentDictionary<string, TrainerDefinition> Known = new(StringComparer.OrdinalIgnoreCase);
    private static readonly List<string> Order = [];

    static TrainerFactory()
    {
        Register(new("sdca", "multinomial logistic regression by stochastic dual coordinate ascent",
        [
            new("l2", false, 1e-9, false, 1e3, "L2 regularisation (default: chosen from the data size, as ML.NET)"),
            new("l1", false, 0, false, 1e3, "L1 soft threshold on the weights (default 0)"),
            new("iterations", true, 1, false, 10_000, "passes over the data (default: chosen from the data size)"),
        ], (c, s) => new SdcaMaximumEntropyTrainer(new SdcaMaximumEntropyOptions
        {
            Seed = c.Seed, L2 = (float?)Get(s, "l2"), L1 = (float)(Get(s, "l1") ?? 0), MaxIterations = (int?)Get(s, "iterations"),
        })));
        Register(new("lbfgs", "multinomial logistic regression by L-BFGS (OWL-QN with l1)",
        [
            new("l2", false, 0, false, 1e3, $"L2 regularisation (default {new LbfgsMaximumEntropyOptions().L2})"),
            new("l1", false, 0, false, 1e3, $"L1 regularisation (default {new LbfgsMaximumEntropyOptions().L1})"),
        ], (_, s) => new LbfgsMaximumEntropyTrainer(new LbfgsMaximumEntropyOptions
        {
            L2 = (float)(Get(s, "l2") ?? new LbfgsMaximumEntropyOptions().L2), L1 = (float)(Get(s, "l1") ?? new LbfgsMaximumEntropyOptions().L1),
        })));
        Register(new("svm", "linear SVM by dual coordinate descent, one-versus-all, Platt-calibrated",
        [
            new("c", false, 0, true, 1e6, $"misclassification cost (default {new LinearSvmOptions().C})"),
        ], (c, s) => new LinearSvmTrainer(new LinearSvmOptions { Seed = c.Seed, C = (float)(Get(s, "c") ?? new LinearSvmOptions().C) })));
        Register(new("nb", "complement naive Bayes",
        [
            new("alpha", false, 0, true, 1e3, $"additive smoothing (default {new NaiveBayesOptions().Alpha})"),
        ], (_, s) => new NaiveBayesTrainer(new NaiveBayesOptions { Alpha = (float)(Get(s, "alpha") ?? new NaiveBayesOptions().Alpha) })));
        var tree = new FastTreeOptions();
        Register(new("fasttree", "gradient-boosted regression trees (FastTree), softmax",
        [
            new("trees", true, 1, false, 10_000, $"number of trees (default {tree.NumberOfTrees})"),
            new("leaves", true, 2, false, 1_000, $"leaves per tree (default {tree.NumberOfLeaves})"),
            new("learning-rate", false, 0, true, 10, $"shrinkage (default {tree.LearningRate})"),
            new("min-leaf", true, 1, false, 1_000_000, $"fewest examples in a leaf (default {tree.MinimumExampleCountPerLeaf})"),
        ], (c, s) => new FastTreeTrainer(new FastTreeOptions
        {
            Seed = c.Seed,
            NumberOfTrees = (int)(Get(s, "trees") ?? tree.NumberOfTrees),
            NumberOfLeaves = (int)(Get(s, "leaves") ?? tree.NumberOfLeaves),
            LearningRate = (float)(Get(s, "learning-rate") ?? tree.LearningRate),
            MinimumExampleCountPerLeaf = (int)(Get(s, "min-leaf") ?? tree.MinimumExampleCountPerLeaf),
        })));
    }

    /// <summary>Adds a trainer (a later registration of the same name replaces it).</summary>
    public static void Register(TrainerDefinition definition)
    {
        lock (Order)
        {
            if (Known.TryAdd(definition.Name, definition)) Order.Add(definition.Name);
            else Known[definition.Name] = definition;
        }
    }

    /// <summary>Trainer names in registration order.</summary>
    public static IReadOnlyList<string> Names
    {
        get { lock (Order) return [.. Order]; }
    }

    /// <summary>The setting names each trainer accepts.</summary>
    public static IReadOnlyDictionary<string, string[]> Settings =>
        Known.ToDictionary(kv => kv.Key, kv => kv.Value.Settings.Select(s => s.Name).ToArray(), StringComparer.OrdinalIgnoreCase);

    public static TrainerDefinition Definition(string name) =>
        Known.TryGetValue(name.Trim(), out var definition) ? definition
            : throw new UsageException($"unknown trainer '{name}'", $"choose one of: {string.Join(", ", Names)}");

    /// <summary>Checks a trainer name and its settings (names and ranges) without building anything: a usage error if wrong.</summary>
    public static IReadOnlyDictionary<string, double> Validate(string name, IReadOnlyDictionary<string, string> settings)
    {
        var definition = Definition(name);
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, text) in settings)
        {
            var setting = definition.Settings.FirstOrDefault(s => string.Equals(s.Name, key, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"trainer '{definition.Name}' has no setting '{key}'",
                    definition.Settings.Count == 0 ? "it takes none" : $"it takes: {string.Join(", ", definition.Settings.Select(s => $"{s.Name} ({s.Range})"))}");
            values[setting.Name] = setting.Parse(definition.Name, text);
        }
        return values;
    }

    /// <summary>Builds a trainer; <paramref name="featurizer"/> tells a trainer that featurizes text itself (ML.NET's) what to extract.</summary>
    public static IMulticlassTrainer Create(string name, int seed, IReadOnlyDictionary<string, string> settings, FeaturizerOptions? featurizer = null) =>
        Definition(name).Create(new TrainerContext(seed, featurizer ?? new FeaturizerOptions()), Validate(name, settings));

    private static double? Get(IReadOnlyDictionary<string, double> settings, string key) => settings.TryGetValue(key, out var v) ? v : null;
}
