using Classifier.Engine.Models;

namespace Classifier.Engine.Pipeline;

/// <summary>One label column's classifier inside a model file: its label values (index = class) and the trained model.</summary>
public sealed record ClassifierHead(
    string Name,
    IReadOnlyList<string> Labels,
    IMulticlassModel Model,
    string Trainer,
    IReadOnlyDictionary<string, string> Hyperparameters)
{
    /// <summary>
    /// With sentence pooling, the background label (stance's neutral): a paragraph of several sentences is scored
    /// sentence by sentence and combined by <see cref="Pipeline.SentencePooling"/>. Null (the default): the paragraph is
    /// scored as a whole.
    /// </summary>
    public string? SentencePooling { get; init; }

    public int IndexOf(string label) => Labels.IndexOfLabel(label);
}
