namespace Classifier.Engine.Pipeline;

/// <summary>
/// Which head names a model may have. The predictor writes a paragraph's own fields (article, id, index, text) and
/// per head <c>head</c>, <c>head_confidence</c>, <c>head_p_label</c> and <c>head_terms</c> side by side, so a head
/// named like one of them would give a JSON object a duplicate key and a CSV a duplicate column.
/// </summary>
public static class HeadNames
{
    /// <summary>The fields every paragraph row or object has before its heads.</summary>
    public static readonly IReadOnlyList<string> Reserved = ["article", "id", "index", "text"];

    /// <summary>Why <paramref name="heads"/> cannot be a model's heads, or null when they can. Names compare ignoring case, as CSV readers do.</summary>
    public static string? Problem(IReadOnlyList<string> heads)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var head in heads)
        {
            if (Reserved.Contains(head, StringComparer.OrdinalIgnoreCase))
                return $"a head cannot be named '{head}': the predictor's output already has a field of that name ({string.Join(", ", Reserved)})";
            if (!seen.Add(head)) return $"the head '{head}' is given twice";
            foreach (var other in heads)
                if (!ReferenceEquals(other, head) && DerivedFrom(head, other))
                    return $"a head cannot be named '{head}': the predictor's output already has that column for the head '{other}'";
        }
        return null;
    }

    private static bool DerivedFrom(string name, string head) =>
        name.Equals(head + "_confidence", StringComparison.OrdinalIgnoreCase)
        || name.Equals(head + "_terms", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith(head + "_p_", StringComparison.OrdinalIgnoreCase);
}
