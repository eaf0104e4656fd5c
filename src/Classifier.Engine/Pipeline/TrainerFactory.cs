using System.Globalization;
using Classifier.Engine.Trainers;
using Classifier.Text.Diagnostics;

namespace Classifier.Engine.Pipeline;

/// <summary>Maps a trainer name and its settings (from the command line or a manifest) to a configured trainer.</summary>
public static class TrainerFactory
{
    public static IReadOnlyList<string> Names { get; } = ["sdca", "lbfgs", "svm", "nb", "fasttree"];

    /// <summary>The settings each trainer accepts, for help texts and validation.</summary>
    public static IReadOnlyDictionary<string, string[]> Settings { get; } = new Dictionary<string, string[]>
    {
        ["sdca"] = ["l2", "l1", "iterations"],
        ["lbfgs"] = ["l2", "l1"],
        ["svm"] = ["c"],
        ["nb"] = ["alpha"],
        ["fasttree"] = ["trees", "leaves", "learning-rate", "min-leaf"],
    };

    public static IMulticlassTrainer Create(string name, int seed, IReadOnlyDictionary<string, string> settings)
    {
        var key = name.Trim().ToLowerInvariant();
        if (!Settings.TryGetValue(key, out var known))
            throw new UsageException($"unknown trainer '{name}'", $"choose one of: {string.Join(", ", Names)}");
        foreach (var setting in settings.Keys)
            if (!known.Contains(setting))
                throw new UsageException($"trainer '{key}' has no setting '{setting}'", known.Length == 0 ? "it takes none" : $"it takes: {string.Join(", ", known)}");
        var trainer = Build(key, seed, settings);
        // Settings that parse but are out of range (a learning rate of 0) are the user's to fix, not a crash.
        if (trainer is FastTreeTrainer tree)
        {
            try
            {
                tree.Options.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message, $"check the --set values for {key}");
            }
        }
        return trainer;
    }

    private static IMulticlassTrainer Build(string key, int seed, IReadOnlyDictionary<string, string> settings)
    {
        return key switch
        {
            "sdca" => new SdcaMaximumEntropyTrainer(new SdcaMaximumEntropyOptions
            {
                Seed = seed,
                L2 = Float(settings, "l2"),
                L1 = Float(settings, "l1") ?? 0f,
                MaxIterations = Int(settings, "iterations"),
            }),
            "lbfgs" => new LbfgsMaximumEntropyTrainer(new LbfgsMaximumEntropyOptions
            {
                L2 = Float(settings, "l2") ?? new LbfgsMaximumEntropyOptions().L2,
                L1 = Float(settings, "l1") ?? new LbfgsMaximumEntropyOptions().L1,
            }),
            "svm" => new LinearSvmTrainer(new LinearSvmOptions { Seed = seed, C = Float(settings, "c") ?? new LinearSvmOptions().C }),
            "nb" => new NaiveBayesTrainer(new NaiveBayesOptions { Alpha = Float(settings, "alpha") ?? new NaiveBayesOptions().Alpha }),
            _ => new FastTreeTrainer(new FastTreeOptions
            {
                Seed = seed,
                NumberOfTrees = Int(settings, "trees") ?? new FastTreeOptions().NumberOfTrees,
                NumberOfLeaves = Int(settings, "leaves") ?? new FastTreeOptions().NumberOfLeaves,
                LearningRate = Float(settings, "learning-rate") ?? new FastTreeOptions().LearningRate,
                MinimumExampleCountPerLeaf = Int(settings, "min-leaf") ?? new FastTreeOptions().MinimumExampleCountPerLeaf,
            }),
        };
    }

    private static float? Float(IReadOnlyDictionary<string, string> settings, string key)
    {
        if (!settings.TryGetValue(key, out var text)) return null;
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value) && value >= 0) return value;
        throw new UsageException($"setting '{key}' must be a non-negative number, not '{text}'");
    }

    private static int? Int(IReadOnlyDictionary<string, string> settings, string key)
    {
        if (!settings.TryGetValue(key, out var text)) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0) return value;
        throw new UsageException($"setting '{key}' must be a positive whole number, not '{text}'");
    }
}
