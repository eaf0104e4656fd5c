namespace Classifier.Engine.Featurization;

/// <summary>
/// A sentence-embedding model: text in, a fixed-length unit vector out. Implementations live outside the engine (the
/// model weights are large) and register themselves with <see cref="TextEmbedders"/>; they must be thread-safe.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>The name saved in model files, e.g. "arctic-xs".</summary>
    string Name { get; }

    int Dimensions { get; }

    /// <summary>One vector per text, in order. Implementations cache by text, so cross-validation pays once per text.</summary>
    float[][] Embed(IReadOnlyList<string> texts, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default);
}
