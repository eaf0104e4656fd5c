using System.Numerics.Tensors;
using Classifier.Engine.Data;
using Classifier.Engine.Models;
using Classifier.Engine.Trainers;

namespace Classifier.Tests.Engine.Models;

public sealed class LinearModelScoresTests
{
    // The reference is the general loop (one TensorPrimitives.MultiplyAdd per feature, in feature order): the
    // in-register path for up to 8 classes must give the same scores to the last bit.
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(9)]
    public void Linear_and_naive_bayes_scores_are_bit_identical_to_one_multiply_add_per_feature(int classes)
    {
        const int features = 1000;
        var random = new Random(classes);
        var weights = new float[features * classes];
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)(random.NextDouble() * 2 - 1);
        var biases = new float[classes];
        for (int c = 0; c < classes; c++) biases[c] = (float)random.NextDouble();
        var model = new LinearModel(features, classes, (float[])weights.Clone(), biases, LinearOutput.Softmax);
        // Ascending distinct indices, always including the last feature (its slice ends the weight array, so the
        // 8-wide load cannot be used there) and some beyond the feature count (ignored).
        var indices = new List<int>();
        for (int j = 0; j < features; j++) if (random.Next(3) == 0) indices.Add(j);
        if (indices[^1] != features - 1) indices.Add(features - 1);
        indices.Add(features + 3);
        var values = new float[indices.Count];
        for (int i = 0; i < values.Length; i++) values[i] = (float)(random.NextDouble() * 3 - 1);
        var row = new SparseRow(indices.ToArray(), values);

        var expected = (float[])biases.Clone();
        for (int i = 0; i < indices.Count; i++)
            if (indices[i] < features)
                TensorPrimitives.MultiplyAdd(weights.AsSpan(indices[i] * classes, classes), values[i], expected, expected);
        var scores = new float[classes];
        model.Scores(row, scores);

        for (int c = 0; c < classes; c++)
            Assert.Equal(BitConverter.SingleToInt32Bits(expected[c]), BitConverter.SingleToInt32Bits(scores[c]));

        // Naive Bayes runs the same loop over the values' magnitudes, then centres the scores over the classes.
        var nb = new NaiveBayesModel(features, classes, (float[])weights.Clone(), (float[])biases.Clone(), NaiveBayesVariant.Complement);
        var nbExpected = (float[])biases.Clone();
        for (int i = 0; i < indices.Count; i++)
            if (indices[i] < features)
                TensorPrimitives.MultiplyAdd(weights.AsSpan(indices[i] * classes, classes), MathF.Abs(values[i]), nbExpected, nbExpected);
        float mean = TensorPrimitives.Sum(nbExpected) / classes;
        for (int c = 0; c < classes; c++) nbExpected[c] -= mean;
        nb.Scores(row, scores);
        for (int c = 0; c < classes; c++)
            Assert.Equal(BitConverter.SingleToInt32Bits(nbExpected[c]), BitConverter.SingleToInt32Bits(scores[c]));
    }
}
