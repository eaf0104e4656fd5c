namespace Classifier.Text.Labelling;

/// <summary>The result of running a rule set over rows: per head the combined labels, per row the rules that fired.</summary>
/// <param name="Heads">One entry per head the rules vote on, in codebook order.</param>
/// <param name="Fired">Per row, the names of the rules that fired (all heads).</param>
public sealed record WeakLabels(IReadOnlyList<HeadWeakLabels> Heads, IReadOnlyList<string[]> Fired)
{
    public HeadWeakLabels? Head(string name)
    {
        foreach (var h in Heads) if (h.Head == name) return h;
        return null;
    }
}
