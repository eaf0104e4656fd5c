namespace Classifier.Text.Labels;

/// <summary>
/// The label sets of the codebook (data/CODEBOOK.md). Other datasets bring their own labels; these are the ones
/// the gold file, the supplement, the rules and the labeller are validated against.
/// </summary>
public static class LabelSchema
{
    public const string StanceColumn = "stance";
    public const string TopicColumn = "topic";

    public static IReadOnlyList<string> Stances { get; } = ["pro-serbia", "pro-kosovo", "neutral"];

    public static IReadOnlyList<string> Topics { get; } = ["diplomacy", "security", "dialogue", "governance", "history", "economy", "other"];

    /// <summary>The allowed values of a codebook label column, or null when the column is not one of ours.</summary>
    public static IReadOnlyList<string>? ValuesOf(string column) => column switch
    {
        StanceColumn => Stances,
        TopicColumn => Topics,
        _ => null,
    };

    /// <summary>The closest allowed value (for "did you mean" hints), by edit distance; null when nothing is close.</summary>
    public static string? Suggest(string value, IReadOnlyList<string> allowed)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            int d = EditDistance(value.Trim().ToLowerInvariant(), candidate);
            if (d < bestDistance) { bestDistance = d; best = candidate; }
        }
        return bestDistance <= Math.Max(2, value.Length / 3) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
