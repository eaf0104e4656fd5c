using Classifier.Engine.Data;
using Classifier.Engine.Featurization;

namespace Classifier.Engine.Pipeline;

/// <summary>
/// Training rows after featurization (<see cref="PipelineTrainer.Featurize"/>): everything the trainers and the model
/// file need, so the dataset's texts can be released before training.
/// </summary>
/// <param name="Rows">The dataset rows featurized, in matrix order.</param>
/// <param name="Featurizer">The featurizer fitted on their texts.</param>
/// <param name="Features">One matrix row per entry of <paramref name="Rows"/>.</param>
/// <param name="Texts">The texts, kept only when a head's trainer featurizes text itself (ML.NET's); else null.</param>
/// <param name="TextHashes">Sorted per-text hashes, for the manifest's training-overlap check.</param>
/// <param name="Fingerprint">SHA-256 of the rows' texts, labels and weights.</param>
public sealed record FeaturizedRows(int[] Rows, FittedFeaturizer Featurizer, SparseMatrix Features, string[]? Texts, ulong[] TextHashes, string Fingerprint);
