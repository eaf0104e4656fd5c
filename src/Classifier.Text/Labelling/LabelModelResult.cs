namespace Classifier.Text.Labelling;

/// <summary>
/// What the label model made of one head's votes.
/// </summary>
/// <param name="Method">"dawid-skene" or "weighted-majority".</param>
/// <param name="Note">Why the fallback was used, or how EM converged.</param>
/// <param name="Priors">Estimated class priors.</param>
/// <param name="RuleAccuracies">Per rule, the estimated probability that its vote is right (its learned weight); NaN for a rule that never fired.</param>
/// <param name="Posteriors">Row-major rows × classes probabilities (zeros for rows without votes).</param>
/// <param name="Labels">Per row the chosen class index, or -1 when no rule voted.</param>
/// <param name="Confidences">Per row the probability of the chosen class (0 when no rule voted).</param>
public sealed record LabelModelResult(
    string Method,
    string Note,
    double[] Priors,
    double[] RuleAccuracies,
    double[] Posteriors,
    int[] Labels,
    double[] Confidences);
