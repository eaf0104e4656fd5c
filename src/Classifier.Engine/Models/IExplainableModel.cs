using Classifier.Engine.Data;

namespace Classifier.Engine.Models;

/// <summary>
/// A model whose class score is a constant plus one term per feature (linear models, naive Bayes), so a prediction
/// can be explained by the n-grams that pushed it: <c>Intercept(c) + Σ_j Contribution(c, j, x_j) = Scores(x)[c]</c>.
/// </summary>
public interface IExplainableModel : IMulticlassModel
{
    /// <summary>The class scores the probabilities are computed from (before softmax or calibration).</summary>
    void Scores(SparseRow features, Span<float> scores);

    /// <summary>The part of class <paramref name="classIndex"/>'s score that does not depend on the features.</summary>
    float Intercept(int classIndex);

    /// <summary>
    /// What <paramref name="feature"/> with value <paramref name="value"/> adds to the score of
    /// <paramref name="classIndex"/>, exactly as <see cref="Scores"/> counts it.
    /// </summary>
    float Contribution(int classIndex, int feature, float value);
}
