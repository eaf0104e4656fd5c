namespace Classifier.Text.Labelling;

/// <summary>
/// One row of the rule table, with Snorkel's LF-analysis columns. Coverage, overlaps and conflicts are fractions
/// of all rows; overlaps and conflicts count other rules of the same head only.
/// </summary>
/// <param name="Rule">Rule name.</param>
/// <param name="Head">The head it votes on.</param>
/// <param name="Polarity">The labels it emitted (empty if it never fired).</param>
/// <param name="Coverage">Fraction of rows it voted on.</param>
/// <param name="Overlaps">Fraction of rows where it and another rule voted.</param>
/// <param name="Conflicts">Fraction of rows where another rule voted a different label.</param>
/// <param name="Correct">Votes equal to the gold label (rows with gold only).</param>
/// <param name="Incorrect">Votes different from the gold label.</param>
/// <param name="EmpiricalAccuracy">Correct / (correct + incorrect); NaN without gold votes.</param>
/// <param name="LearnedWeight">The label model's estimate of its accuracy; NaN if it never fired.</param>
public sealed record RuleStats(
    string Rule,
    string Head,
    IReadOnlyList<string> Polarity,
    double Coverage,
    double Overlaps,
    double Conflicts,
    int Correct,
    int Incorrect,
    double EmpiricalAccuracy,
    double LearnedWeight);
