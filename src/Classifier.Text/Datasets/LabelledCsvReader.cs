using Classifier.Text.Csv;
using Classifier.Text.Diagnostics;

namespace Classifier.Text.Datasets;

/// <summary>Loads any labelled text CSV into a <see cref="LabelledDataset"/>, naming file, line and column for every problem.</summary>
public static class LabelledCsvReader
{
    public static LabelledDataset Read(string path, LabelledCsvOptions options, Action<string>? warn = null)
    {
        if (options.TextColumns.Count == 0) throw new InputException("no text column given", path, hint: "name it with --text-col");
        using var table = CsvTable.Open(path, warn);
        var textCols = options.TextColumns.Select(table.ColumnIndex).ToArray();
        var labelCols = options.LabelColumns.Select(table.ColumnIndex).ToArray();
        int groupCol = options.GroupColumn is null ? table.TryColumnIndex("article") : table.ColumnIndex(options.GroupColumn);
        int idCol = options.IdColumn is null ? table.TryColumnIndex("id") : table.ColumnIndex(options.IdColumn);
        string file = Path.GetFileName(path);

        var ids = new List<string>();
        var texts = new List<string>();
        var labels = new List<string?[]>();
        var groups = new List<string>();
        int skipped = 0;
        foreach (var record in table.Records())
        {
            var text = JoinText(record, textCols);
            if (text.Length == 0) { skipped++; continue; }
            var row = new string?[labelCols.Length];
            for (int h = 0; h < labelCols.Length; h++)
            {
                var value = record[labelCols[h]].Trim();
                row[h] = value.Length == 0 ? null : value;
            }
            string id = idCol >= 0 && record[idCol].Length > 0 ? record[idCol] : $"{file}#{record.Line}";
            ids.Add(id);
            texts.Add(text);
            labels.Add(row);
            groups.Add(groupCol >= 0 && record[groupCol].Length > 0 ? record[groupCol] : id);
        }
        if (skipped > 0) warn?.Invoke($"{path}: skipped {skipped} row(s) with empty text");
        int n = texts.Count;
        return new LabelledDataset(ids, texts, Array.ConvertAll(labelCols, c => table.Columns[c]),
            labels, groups, Enumerable.Repeat(options.Weight, n).ToArray(), Enumerable.Repeat(options.TrainOnly, n).ToArray(), skipped);
    }

    private static string JoinText(CsvRecord record, int[] columns)
    {
        if (columns.Length == 1) return record[columns[0]].Trim();
        var parts = new List<string>(columns.Length);
        foreach (var c in columns)
        {
            var part = record[c].Trim();
            if (part.Length > 0) parts.Add(part);
        }
        return string.Join("\n", parts);
    }
}
