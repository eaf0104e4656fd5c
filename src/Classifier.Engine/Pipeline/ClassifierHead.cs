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
    public int IndexOf(string label) => Labels.IndexOfLabel(label);
}
