using Classifier.Engine.Models;

namespace Classifier.Engine.Persistence;

/// <summary>Which reader parses each <see cref="IMulticlassModel.Kind"/> in a model file.</summary>
public static class ModelReaders
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<BinaryReader, IMulticlassModel>> Readers = new(StringComparer.Ordinal)
    {
        ["linear"] = LinearModel.ReadFrom,
        ["naive-bayes"] = NaiveBayesModel.ReadFrom,
        ["tree-ensemble"] = TreeEnsembleModel.ReadFrom,
    };

    public static IReadOnlyCollection<string> Kinds => [.. Readers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Lets another engine's model kind be read from model files (a later registration replaces an earlier one).</summary>
    public static void Register(string kind, Func<BinaryReader, IMulticlassModel> reader) => Readers[kind] = reader;

    public static bool TryGet(string kind, out Func<BinaryReader, IMulticlassModel> reader) =>
        Readers.TryGetValue(kind, out reader!);
}
