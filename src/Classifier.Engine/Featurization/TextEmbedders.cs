using System.Collections.Concurrent;

namespace Classifier.Engine.Featurization;

/// <summary>
/// The embedding models this program can compute, by name. A program that can train or load models with an
/// embedding block registers them at start-up (the trainer and predictor register "arctic-xs").
/// </summary>
public static class TextEmbedders
{
    private static readonly ConcurrentDictionary<string, Lazy<ITextEmbedder>> Known = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Makes <paramref name="name"/> available; the embedder is created on first use, once.</summary>
    public static void Register(string name, Func<ITextEmbedder> create) =>
        Known.TryAdd(name, new Lazy<ITextEmbedder>(create, LazyThreadSafetyMode.ExecutionAndPublication));

    public static IReadOnlyCollection<string> Names => [.. Known.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The embedder named <paramref name="name"/>; <see cref="ArgumentException"/> when this program has none of that name.</summary>
    public static ITextEmbedder Get(string name) =>
        Known.TryGetValue(name, out var lazy) ? lazy.Value
            : throw new ArgumentException($"embeddings '{name}' are not available in this program (it has: {(Known.IsEmpty ? "none" : string.Join(", ", Names))})");
}
