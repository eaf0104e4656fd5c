using Classifier.Engine.Data;
using Classifier.Engine.Models;

namespace Classifier.Engine.Trainers;

/// <summary>Placeholder until the trainer lands: fails loudly rather than returning a wrong model.</summary>
public sealed class LinearSvmTrainer(LinearSvmOptions options) : IMulticlassTrainer
{
    public LinearSvmOptions Options { get; } = options;
    public string Name => "svm";
    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>();
    public IMulticlassModel Fit(TrainingSet data, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("svm is not implemented yet");
}
