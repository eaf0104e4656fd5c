namespace Classifier.Engine.Models;

/// <summary>
/// A model whose decision for a class is a sum of per-feature contributions (linear models, naive Bayes),
/// so a prediction can be explained by the n-grams that pushed it.
/// </summary>
public interface IExplainableModel : IMulticlassModel
{
    /// <summary>How much one unit of <paramref name="feature"/> adds to the score of <paramref name="classIndex"/>.</summary>
    float Contribution(int classIndex, int feature);
}
