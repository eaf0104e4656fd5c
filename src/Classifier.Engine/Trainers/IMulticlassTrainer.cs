using Classifier.Engine.Data;
using Classifier.Engine.Models;

namespace Classifier.Engine.Trainers;

/// <summary>
/// An estimator: fits a <see cref="TrainingSet"/> into an immutable <see cref="IMulticlassModel"/>.
/// Every implementation is deterministic for a given seed, whatever the thread count.
/// </summary>
public interface IMulticlassTrainer
{
    /// <summary>Short name used on the command line and in manifests: sdca, lbfgs, svm, nb, fasttree.</summary>
    string Name { get; }

    /// <summary>The hyperparameters actually used, for the manifest and reports.</summary>
    IReadOnlyDictionary<string, string> Describe();

    IMulticlassModel Fit(TrainingSet data, IProgress<double>? progress = null, CancellationToken cancellationToken = default);
}
