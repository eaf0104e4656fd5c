using Classifier.Engine.Metrics;
using Classifier.Text.Diagnostics;
using Classifier.Text.Labels;

namespace Classifier.Labelling;

/// <summary>Inter-annotator agreement between two label files: Cohen's kappa, percent agreement and the confusion table.</summary>
public static class Agreement
{
    /// <summary>Columns that describe a row rather than label it.</summary>
    private static readonly HashSet<string> NotLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "article", "index", "text", "annotator", "note", "labelled_at", "source", "rules", "title", "url",
    };

    /// <summary>
    /// One result per label column both files share (or the named ones), over ids labelled (non-empty) in both.
    /// </summary>
    public static IReadOnlyList<AgreementResult> Compare(string pathA, string pathB, string idColumn = "id", IReadOnlyList<string>? columns = null) =>
        Compare(AnnotatorLabels.Read(pathA, idColumn), AnnotatorLabels.Read(pathB, idColumn), idColumn, columns);

    /// <summary>The same over files already read (the studio's Review page reads each annotator's once).</summary>
    public static IReadOnlyList<AgreementResult> Compare(AnnotatorLabels first, AnnotatorLabels second, string idColumn = "id", IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        string pathA = first.Path, pathB = second.Path;
        IReadOnlyList<string> columnsA = first.Columns, columnsB = second.Columns;
        var (a, b) = (first.Rows, second.Rows);
        var shared = columns is { Count: > 0 } ? columns.ToList()
            : columnsA.Where(c => !NotLabels.Contains(c) && !c.EndsWith("_confidence", StringComparison.OrdinalIgnoreCase) && !string.Equals(c, idColumn, StringComparison.OrdinalIgnoreCase)
                && columnsB.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (shared.Count == 0)
            throw new InputException("the two files share no label column", pathB, 1, hint: $"columns of {Path.GetFileName(pathA)}: {string.Join(", ", columnsA)}; of {Path.GetFileName(pathB)}: {string.Join(", ", columnsB)}");
        var results = new List<AgreementResult>();
        foreach (var column in shared)
        {
            if (!columnsA.Contains(column, StringComparer.OrdinalIgnoreCase)) throw new InputException($"no column named '{column}'", pathA, 1);
            if (!columnsB.Contains(column, StringComparer.OrdinalIgnoreCase)) throw new InputException($"no column named '{column}'", pathB, 1);
            var pairs = new List<(string A, string B)>();
            foreach (var (id, row) in a)
            {
                if (!b.TryGetValue(id, out var other)) continue;
                var la = row.GetValueOrDefault(column.ToLowerInvariant(), "");
                var lb = other.GetValueOrDefault(column.ToLowerInvariant(), "");
                if (la.Length > 0 && lb.Length > 0) pairs.Add((la, lb));
            }
            results.Add(Score(column, pairs));
        }
        return results;
    }

    /// <summary>Kappa, agreement and confusion of paired labels; classes in codebook order when they are the codebook's.</summary>
    public static AgreementResult Score(string column, IReadOnlyList<(string A, string B)> pairs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (x, y) in pairs) { seen.Add(x); seen.Add(y); }
        var schema = LabelSchema.ValuesOf(column.ToLowerInvariant());
        IReadOnlyList<string> labels = schema is not null && seen.All(schema.Contains) ? [.. schema] : [.. seen.Order(StringComparer.Ordinal)];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Count; i++) index[labels[i]] = i;
        var confusion = new ConfusionMatrix(Math.Max(1, labels.Count));
        foreach (var (x, y) in pairs) confusion.Add(index[x], index[y]);
        double agreement = pairs.Count == 0 ? double.NaN : confusion.Diagonal / confusion.Total;
        double kappa = pairs.Count == 0 ? double.NaN : MulticlassMetrics.CohenKappa(confusion);
        return new AgreementResult(column, labels, confusion, pairs.Count, agreement, kappa);
    }
}
