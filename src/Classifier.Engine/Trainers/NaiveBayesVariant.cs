namespace Classifier.Engine.Trainers;

/// <summary>Which naive Bayes event model a <see cref="NaiveBayesTrainer"/> fits.</summary>
public enum NaiveBayesVariant
{
    /// <summary>Multinomial: score_c = log π_c + Σ_j x_j·log θ_cj, θ_c estimated from class c's own counts.</summary>
    Multinomial = 0,

    /// <summary>
    /// Complement NB (Rennie, Shih, Teevan and Karger, ICML 2003): θ̃_c from the counts of every other class,
    /// score_c = −Σ_j x_j·log θ̃_cj, no prior (as the paper and scikit-learn's ComplementNB). Steadier than
    /// multinomial when classes are imbalanced, since each estimate uses most of the data.
    /// </summary>
    Complement = 1,
}
