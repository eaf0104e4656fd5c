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

    private static readonly System.Collections.Concurrent.ConcurrentQueue<Func<string, IReadOnlyList<string>, Pipeline.TextClassifier?>> Foreign = new();

    /// <summary>
    /// Lets another engine load its own model files (a zip without our manifest), e.g. an ML.NET model made elsewhere.
    /// The loader gets the path and the zip's entry names, returns null when the file is not its kind, and throws
    /// <see cref="Classifier.Text.Diagnostics.ModelFileException"/> when it is but cannot be used.
    /// </summary>
    public static void RegisterForeign(Func<string, IReadOnlyList<string>, Pipeline.TextClassifier?> loader) => Foreign.Enqueue(loader);

    internal static Pipeline.TextClassifier? TryForeign(string path, IReadOnlyList<string> entries)
    {
        foreach (var loader in Foreign)
            if (loader(path, entries) is { } model) return model;
        return null;
    }
}
