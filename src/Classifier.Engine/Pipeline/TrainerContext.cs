using Classifier.Engine.Featurization;

namespace Classifier.Engine.Pipeline;

/// <summary>
/// What a trainer is built with besides its own settings: the seed, and the featurizer options, which a trainer that
/// featurizes text itself (an ML.NET pipeline) maps onto its own text featurization.
/// </summary>
public sealed record TrainerContext(int Seed, FeaturizerOptions Featurizer);
