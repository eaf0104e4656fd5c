namespace Classifier.Engine.Models;

/// <summary>
/// A model that featurizes text itself (an ML.NET pipeline with its own FeaturizeText), so it is scored from the
/// paragraph's text rather than from our featurizer's vector. <see cref="IMulticlassModel.FeatureCount"/> is 0 and the
/// feature-based <see cref="IMulticlassModel.PredictProbabilities"/> is not available. Must be safe to share across threads.
/// </summary>
public interface ITextModel : IMulticlassModel
{
    /// <summary>Writes one probability per class into <paramref name="probabilities"/>; they sum to 1.</summary>
    void PredictProbabilities(string text, Span<float> probabilities);
}
