using Classifier.Text.Csv;
using Classifier.Text.Labels;

namespace Classifier.Labelling;

/// <summary>
/// One annotator's labels file as <c>trainer agreement</c> and the studio's Review page read it: every column of
/// each id's latest row (a later row for the same id is a correction and wins), column names lower-cased, codebook
/// labels lower-cased (the labels reader takes them ignoring case).
/// </summary>
/// <param name="Path">The file read.</param>
/// <param name="Columns">Its header as written.</param>
/// <param name="Rows">Id to (lower-cased column name to trimmed value), in the order ids first appear.</param>
public sealed record AnnotatorLabels(string Path, IReadOnlyList<string> Columns, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Rows)
{
    public static AnnotatorLabels Read(string path, string idColumn = "id")
    {
        using var table = CsvTable.Open(path);
        int id = table.ColumnIndex(idColumn);
        var rows = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var record in table.Records())
        {
            var key = record[id].Trim();
            if (key.Length == 0) continue;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int c = 0; c < table.Columns.Count; c++)
            {
                var value = record[c].Trim();
                var schema = LabelSchema.ValuesOf(table.Columns[c].ToLowerInvariant());
                if (schema is not null && value.Length > 0) value = value.ToLowerInvariant();
                values[table.Columns[c].ToLowerInvariant()] = value;
            }
            rows[key] = values;
        }
        return new AnnotatorLabels(path, [.. table.Columns], rows);
    }

    /// <summary>The id's value in a column, or "" when the id or the value is missing.</summary>
    public string Value(string id, string column) =>
        Rows.TryGetValue(id, out var row) ? row.GetValueOrDefault(column.ToLowerInvariant(), "") : "";
}
