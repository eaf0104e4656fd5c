namespace Classifier.Text.Labelling;

/// <summary>One head's votes and what the label model made of them.</summary>
/// <param name="Head">The label column.</param>
/// <param name="Votes">The vote matrix of the head's rules.</param>
/// <param name="RuleIndices">For each column of <paramref name="Votes"/>, the index of the rule in the rule set.</param>
/// <param name="Model">The combined labels.</param>
public sealed record HeadWeakLabels(string Head, VoteMatrix Votes, int[] RuleIndices, LabelModelResult Model)
{
    /// <summary>The combined label of a row, or null when no rule voted.</summary>
    public string? LabelOf(int row) => Model.Labels[row] < 0 ? null : Votes.Classes[Model.Labels[row]];
}
