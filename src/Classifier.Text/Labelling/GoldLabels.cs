using Classifier.Text.Csv;
using Classifier.Text.Diagnostics;
using Classifier.Text.Labels;

namespace Classifier.Text.Labelling;

/// <summary>Gold labels by id for the codebook heads a file has, validated against the codebook.</summary>
/// <param name="ByHead">Head name → (id → label); only heads present in the file.</param>
public sealed record GoldLabels(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ByHead)
{
    public static GoldLabels Read(string path, string idColumn = "id", Action<string>? warn = null)
    {
        using var table = CsvTable.Open(path, warn);
        int id = table.ColumnIndex(idColumn);
        var heads = new List<(string Head, int Column, Dictionary<string, string> Labels)>();
        foreach (var head in new[] { LabelSchema.StanceColumn, LabelSchema.TopicColumn })
        {
            int column = table.TryColumnIndex(head);
            if (column >= 0) heads.Add((head, column, new Dictionary<string, string>(StringComparer.Ordinal)));
        }
        if (heads.Count == 0)
            throw new InputException("the gold file has neither a stance nor a topic column", path, 1, hint: $"the columns are: {string.Join(", ", table.Columns)}");
        foreach (var record in table.Records())
        {
            var key = record[id].Trim();
            if (key.Length == 0) continue;
            foreach (var (head, column, labels) in heads)
            {
                var value = record[column].Trim();
                if (value.Length == 0) continue;
                labels[key] = Validate(value, head, path, record.Line, column + 1);
            }
        }
        return new GoldLabels(heads.ToDictionary(h => h.Head, h => (IReadOnlyDictionary<string, string>)h.Labels));
    }

    /// <summary>The value, lower-cased, if the codebook allows it for <paramref name="head"/>; else an error naming the row.</summary>
    public static string Validate(string value, string head, string path, long line, int column)
    {
        var allowed = LabelSchema.ValuesOf(head)!;
        var normal = value.Trim().ToLowerInvariant();
        foreach (var a in allowed) if (a == normal) return a;
        var suggestion = LabelSchema.Suggest(value, allowed);
        throw new InputException($"row {line}: unknown {head} label '{value}'", path, line, column,
            hint: suggestion is null ? $"the {head} labels are: {string.Join(", ", allowed)}" : $"did you mean '{suggestion}'?");
    }
}
