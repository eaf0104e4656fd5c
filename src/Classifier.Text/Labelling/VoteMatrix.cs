namespace Classifier.Text.Labelling;

/// <summary>
/// The votes of the rules of one head: row i, rule j holds the class index rule j voted for, or
/// <see cref="Abstain"/>. Stored row-major in one array.
/// </summary>
public sealed class VoteMatrix
{
    public const int Abstain = -1;

    private readonly int[] _votes;

    /// <param name="head">The label column the rules vote on.</param>
    /// <param name="classes">The class names; votes are indices into it.</param>
    /// <param name="ruleNames">The rules, one column each.</param>
    /// <param name="votes">Row-major votes, rows × rules, each a class index or <see cref="Abstain"/>.</param>
    public VoteMatrix(string head, IReadOnlyList<string> classes, IReadOnlyList<string> ruleNames, int[] votes)
    {
        if (ruleNames.Count == 0 ? votes.Length != 0 : votes.Length % ruleNames.Count != 0)
            throw new ArgumentException("the vote array is not rows × rules", nameof(votes));
        foreach (var v in votes)
            if (v < Abstain || v >= classes.Count) throw new ArgumentException($"vote {v} is not a class index or abstain", nameof(votes));
        Head = head;
        Classes = classes;
        RuleNames = ruleNames;
        _votes = votes;
        RowCount = ruleNames.Count == 0 ? 0 : votes.Length / ruleNames.Count;
    }

    public string Head { get; }
    public IReadOnlyList<string> Classes { get; }
    public IReadOnlyList<string> RuleNames { get; }
    public int RowCount { get; }
    public int RuleCount => RuleNames.Count;
    public int ClassCount => Classes.Count;

    public int this[int row, int rule] => _votes[row * RuleNames.Count + rule];

    /// <summary>The votes of one row, one per rule.</summary>
    public ReadOnlySpan<int> Row(int row) => _votes.AsSpan(row * RuleNames.Count, RuleNames.Count);

    /// <summary>Whether any rule voted on <paramref name="row"/>.</summary>
    public bool HasVote(int row)
    {
        foreach (var v in Row(row)) if (v != Abstain) return true;
        return false;
    }
}
