using Classifier.Engine.Data;
using Classifier.Engine.Persistence;

namespace Classifier.Engine.Models;

/// <summary>
/// A linear multiclass model: score_c = Σ_j x_j·W[j, c] + b_c, turned into probabilities by <see cref="Output"/>.
/// Weights are stored feature-major (<c>W[j·K + c]</c>) so a sparse row touches one contiguous slice per feature.
/// Immutable: safe to share across threads.
/// </summary>
public sealed class LinearModel : IExplainableModel
{
    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly float[] _plattA;
    private readonly float[] _plattB;

    /// <param name="featureCount">Number of input features (columns).</param>
    /// <param name="classCount">Number of classes, at least two.</param>
    /// <param name="weights">Feature-major weights, length featureCount·classCount. Not copied: the caller gives up ownership.</param>
    /// <param name="biases">One bias per class.</param>
    /// <param name="output">How scores become probabilities.</param>
    /// <param name="plattA">Per-class Platt slope (only for <see cref="LinearOutput.PlattOneVersusAll"/>).</param>
    /// <param name="plattB">Per-class Platt offset (only for <see cref="LinearOutput.PlattOneVersusAll"/>).</param>
    public LinearModel(int featureCount, int classCount, float[] weights, float[] biases, LinearOutput output,
        float[]? plattA = null, float[]? plattB = null)
    {
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), "at least two classes");
        if (weights.Length != (long)featureCount * classCount) throw new ArgumentException("weights must be featureCount·classCount long", nameof(weights));
        if (biases.Length != classCount) throw new ArgumentException("one bias per class", nameof(biases));
        if (output == LinearOutput.PlattOneVersusAll && (plattA?.Length != classCount || plattB?.Length != classCount))
            throw new ArgumentException("Platt output needs one A and one B per class");
        FeatureCount = featureCount;
        ClassCount = classCount;
        Output = output;
        _weights = weights;
        _biases = biases;
        _plattA = plattA ?? [];
        _plattB = plattB ?? [];
    }

    public string Kind => "linear";
    public int FeatureCount { get; }
    public int ClassCount { get; }
    public LinearOutput Output { get; }

    /// <summary>The weight W[j, c]: what one unit of feature j adds to the score of class c.</summary>
    public float Weight(int classIndex, int feature) => _weights[(long)feature * ClassCount + classIndex];

    /// <summary>The bias b_c.</summary>
    public float Intercept(int classIndex) => _biases[classIndex];

    public float Contribution(int classIndex, int feature, float value) => value * Weight(classIndex, feature);

    /// <summary>Raw class scores Σ_j x_j·W[j, c] + b_c. Features at or beyond <see cref="FeatureCount"/> are ignored.</summary>
    public void Scores(SparseRow features, Span<float> scores)
    {
        _biases.CopyTo(scores);
        SparseScores.MultiplyAdd(_weights, FeatureCount, ClassCount, features, scores[..ClassCount], absolute: false);
    }

    public void PredictProbabilities(SparseRow features, Span<float> probabilities)
    {
        Scores(features, probabilities);
        if (Output == LinearOutput.Softmax)
        {
            Softmax(probabilities[..ClassCount]);
            return;
        }
        float total = 0f;
        for (int c = 0; c < ClassCount; c++)
        {
            probabilities[c] = Sigmoid(_plattA[c] * probabilities[c] + _plattB[c]);
            total += probabilities[c];
        }
        for (int c = 0; c < ClassCount; c++) probabilities[c] = total > 0f ? probabilities[c] / total : 1f / ClassCount;
    }

    /// <summary>In-place softmax, shifted by the maximum so large scores cannot overflow.</summary>
    public static void Softmax(Span<float> scores)
    {
        float max = float.NegativeInfinity;
        foreach (var s in scores) max = MathF.Max(max, s);
        float sum = 0f;
        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] = MathF.Exp(scores[c] - max);
            sum += scores[c];
        }
        for (int c = 0; c < scores.Length; c++) scores[c] /= sum;
    }

    public static float Sigmoid(float z) => z >= 0 ? 1f / (1f + MathF.Exp(-z)) : MathF.Exp(z) / (1f + MathF.Exp(z));

    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(FeatureCount);
        writer.Write(ClassCount);
        writer.Write((int)Output);
        BinaryFormat.WriteSparseRows(writer, _weights, ClassCount);
        BinaryFormat.WriteFloats(writer, _biases);
        BinaryFormat.WriteFloats(writer, _plattA);
        BinaryFormat.WriteFloats(writer, _plattB);
    }

    public static LinearModel ReadFrom(BinaryReader reader)
    {
        int features = reader.ReadInt32();
        int classes = reader.ReadInt32();
        int output = reader.ReadInt32();
        if (features < 0 || classes < 2 || !Enum.IsDefined((LinearOutput)output))
            throw new InvalidDataException($"linear model header is invalid ({features} features, {classes} classes, output {output})");
        var weights = BinaryFormat.ReadSparseRows(reader, features, classes, "linear model weights");
        var biases = BinaryFormat.ReadFloats(reader);
        BinaryFormat.Expect(biases.Length, classes, "linear model bias count");
        var a = BinaryFormat.ReadFloats(reader);
        var b = BinaryFormat.ReadFloats(reader);
        var kind = (LinearOutput)output;
        if (kind == LinearOutput.PlattOneVersusAll)
        {
            BinaryFormat.Expect(a.Length, classes, "Platt slope count");
            BinaryFormat.Expect(b.Length, classes, "Platt offset count");
        }
        return new LinearModel(features, classes, weights, biases, kind, a, b);
    }
}
