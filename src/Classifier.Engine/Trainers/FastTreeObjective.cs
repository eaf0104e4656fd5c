namespace Classifier.Engine.Trainers;

/// <summary>How <see cref="FastTreeTrainer"/> turns boosted trees into a multiclass model.</summary>
public enum FastTreeObjective
{
    /// <summary>
    /// One binary logistic booster per class (ML.NET's FastTree inside OneVersusAll): class probabilities are the
    /// per-class sigmoids normalised to sum 1.
    /// </summary>
    OneVersusAll = 0,

    /// <summary>One tree per class per round fitted to the softmax cross-entropy (LightGBM's multiclass objective).</summary>
    Softmax = 1,
}
