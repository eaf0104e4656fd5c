using Classifier.Engine.Data;
using Classifier.Engine.Persistence;
using Classifier.Engine.Trainers;

namespace Classifier.Engine.Models;

/// <summary>
/// A naive Bayes model: score_c = prior_c + Σ_j |x_j|·W[j, c], probabilities = softmax(score). Scores are reported
/// centred (minus their mean over classes), which leaves the softmax unchanged and lets each feature's share be its
/// centred weight, so explanations show what moves the prediction rather than log θ, which is negative for every class.
/// For multinomial NB, prior_c = log π_c and W[j, c] = log θ_cj, so the softmax is the exact posterior under the model;
/// for complement NB, prior_c = 0 and W[j, c] = −log θ̃_cj. Feature values enter as |x_j| because signed feature
/// hashing makes some values negative while the event model needs counts; the sign only marks the hash collision side.
/// Weights are feature-major (<c>W[j·K + c]</c>). Immutable: safe to share across threads.
/// </summary>
public sealed class NaiveBayesModel : IExplainableModel
{
    private readonly float[] _weights;
    private readonly float[] _priors;

    /// <param name="featureCount">Number of input features (columns).</param>
    /// <param name="classCount">Number of classes, at least two.</param>
    /// <param name="weights">Feature-major per-class log weights, length featureCount·classCount. Not copied.</param>
    /// <param name="priors">Per-class additive score term (log prior, or 0 for complement NB).</param>
    /// <param name="variant">Which event model produced the weights (informational; scoring is the same).</param>
    public NaiveBayesModel(int featureCount, int classCount, float[] weights, float[] priors, NaiveBayesVariant variant)
    {
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), "at least two classes");
        if (weights.Length != (long)featureCount * classCount) throw new ArgumentException("weights must be featureCount·classCount long", nameof(weights));
        if (priors.Length != classCount) throw new ArgumentException("one prior per class", nameof(priors));
        FeatureCount = featureCount;
        ClassCount = classCount;
        Variant = variant;
        _weights = weights;
        _priors = priors;
    }

    public string Kind => "naive-bayes";
    public int FeatureCount { get; }
    public int ClassCount { get; }
    public NaiveBayesVariant Variant { get; }

    /// <summary>The per-class term added to every score (log π_c for multinomial NB).</summary>
    public float Prior(int classIndex) => _priors[classIndex];

    /// <summary>The raw per-feature weight W[j, c] (log θ_cj for multinomial NB).</summary>
    public float Weight(int classIndex, int feature) => _weights[(long)feature * ClassCount + classIndex];

    /// <summary>
    /// W[j, c] minus its mean over classes: the softmax is unchanged by a per-feature shift common to all classes,
    /// so this is the part of the weight that actually moves the prediction towards <paramref name="classIndex"/>.
    /// </summary>
    public float CentredWeight(int classIndex, int feature)
    {
        var slice = _weights.AsSpan((int)((long)feature * ClassCount), ClassCount);
        float mean = 0f;
        foreach (var v in slice) mean += v;
        return slice[classIndex] - mean / ClassCount;
    }

    /// <summary>The centred prior: prior_c minus the mean prior.</summary>
    public float Intercept(int classIndex)
    {
        float mean = 0f;
        foreach (var p in _priors) mean += p;
        return _priors[classIndex] - mean / ClassCount;
    }

    /// <summary>|x_j|·(W[j, c] − mean_c W[j, c]): the event model counts magnitudes, the hashing sign only marks a collision side.</summary>
    public float Contribution(int classIndex, int feature, float value) => MathF.Abs(value) * CentredWeight(classIndex, feature);

    /// <summary>
    /// Scores prior_c + Σ_j |x_j|·W[j, c], centred over classes. Features at or beyond <see cref="FeatureCount"/> are ignored.
    /// </summary>
    public void Scores(SparseRow features, Span<float> scores)
    {
        int k = ClassCount;
        _priors.CopyTo(scores);
        SparseScores.MultiplyAdd(_weights, FeatureCount, k, features, scores[..k], absolute: true);
        float mean = System.Numerics.Tensors.TensorPrimitives.Sum(scores[..k]) / k;
        for (int c = 0; c < k; c++) scores[c] -= mean;
    }

    public void PredictProbabilities(SparseRow features, Span<float> probabilities)
    {
        Scores(features, probabilities);
        LinearModel.Softmax(probabilities[..ClassCount]);
    }

    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(FeatureCount);
        writer.Write(ClassCount);
        writer.Write((int)Variant);
        BinaryFormat.WriteSparseRows(writer, _weights, ClassCount);
        BinaryFormat.WriteFloats(writer, _priors);
    }

    public static NaiveBayesModel ReadFrom(BinaryReader reader)
    {
        int features = reader.ReadInt32();
        int classes = reader.ReadInt32();
        int variant = reader.ReadInt32();
        if (features < 0 || classes < 2 || !Enum.IsDefined((NaiveBayesVariant)variant))
            throw new InvalidDataException($"naive Bayes model header is invalid ({features} features, {classes} classes, variant {variant})");
        var weights = BinaryFormat.ReadSparseRows(reader, features, classes, "naive Bayes weights");
        var priors = BinaryFormat.ReadFloats(reader);
        BinaryFormat.Expect(priors.Length, classes, "naive Bayes prior count");
        return new NaiveBayesModel(features, classes, weights, priors, (NaiveBayesVariant)variant);
    }
}
