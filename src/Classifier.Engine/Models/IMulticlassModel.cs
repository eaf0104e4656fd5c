using Classifier.Engine.Data;

namespace Classifier.Engine.Models;

/// <summary>
/// A trained multiclass model. Immutable after construction, so one instance is safe to share across threads.
/// </summary>
public interface IMulticlassModel
{
    /// <summary>Identifies the binary format in model files: "linear", "naive-bayes", "tree-ensemble".</summary>
    string Kind { get; }

    int ClassCount { get; }

    int FeatureCount { get; }

    /// <summary>Writes one probability per class into <paramref name="probabilities"/>; they sum to 1.</summary>
    void PredictProbabilities(SparseRow features, Span<float> probabilities);

    /// <summary>Writes the model's parameters in its own binary layout (read back by the model's static ReadFrom).</summary>
    void WriteTo(BinaryWriter writer);

    /// <summary>The extension of the model's entry in a model file: ".bin" for our layouts, ".zip" for an ML.NET model.</summary>
    string EntryExtension => ".bin";
}
