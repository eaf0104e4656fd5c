using Classifier.Text.Csv;
using Classifier.Text.Diagnostics;
using Classifier.Text.Labels;

namespace Classifier.Text.Datasets;

/// <summary>Loads any labelled text CSV into a <see cref="LabelledDataset"/>, naming file, line and column for every problem.</summary>
/// <remarks>
/// A label column named like a codebook column (<c>stance</c>, <c>topic</c>) whose values include at least one codebook
/// value (or a near miss of one) is checked against <see cref="LabelSchema"/>: any other value there is a typo (e.g.
/// <c>pro-serbai</c>) and an <see cref="InputException"/> naming the row and suggesting the nearest label. A column of
/// that name holding only foreign values (another dataset's own labels, e.g. FAVOR/AGAINST) is left alone.
/// </remarks>
public static class LabelledCsvReader
{
    public static LabelledDataset Read(string path, LabelledCsvOptions options, Action<string>? warn = null)
    {
        if (options.TextColumns.Count == 0) throw new InputException("no text column given", path, hint: "name it with --text-col");
        using var table = CsvTable.Open(path, warn);
        var textCols = options.TextColumns.Select(table.ColumnIndex).ToArray();
        var labelCols = options.LabelColumns.Select(table.ColumnIndex).ToArray();
        int groupCol = options.GroupColumn is null ? table.TryColumnIndex("article") : table.ColumnIndex(options.GroupColumn);
        // An article column or --group-col already keeps related rows together (and names the articles for context).
        var repeatCandidates = groupCol < 0 && options.AutoGroup && textCols.Length > 1 ? textCols[..^1] : [];
        var candidateValues = Array.ConvertAll(repeatCandidates, _ => new List<string>());
        int idCol = options.IdColumn is null ? table.TryColumnIndex("id") : table.ColumnIndex(options.IdColumn);
        string file = Path.GetFileName(path);

        var ids = new List<string>();
        var texts = new List<string>();
        var labels = new List<string?[]>();
        var groups = new List<string>();
        var checks = new SchemaCheck?[labelCols.Length];
        for (int h = 0; h < labelCols.Length; h++)
            if (LabelSchema.ValuesOf(table.Columns[labelCols[h]].ToLowerInvariant()) is { } allowed)
                checks[h] = new SchemaCheck(table.Columns[labelCols[h]], labelCols[h], allowed);
        int skipped = 0, dataRow = 0, overridden = 0;
        var rowOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var places = new List<(long Line, int Row)>();
        foreach (var record in table.Records())
        {
            dataRow++;
            var text = JoinText(record, textCols);
            if (text.Length == 0) { skipped++; continue; }
            var row = new string?[labelCols.Length];
            for (int h = 0; h < labelCols.Length; h++)
            {
                var value = record[labelCols[h]].Trim();
                row[h] = value.Length == 0 ? null : value;
            }
            string id = idCol >= 0 && record[idCol].Length > 0 ? record[idCol] : $"{file}#{record.Line}";
            string group = groupCol >= 0 && record[groupCol].Length > 0 ? record[groupCol] : id;
            for (int c = 0; c < repeatCandidates.Length; c++) candidateValues[c].Add(record[repeatCandidates[c]].Trim());
            // A later row for an id is a correction and replaces the earlier one in place, as in `trainer agreement`.
            if (rowOfId.TryGetValue(id, out int earlier))
            {
                for (int c = 0; c < repeatCandidates.Length; c++)
                {
                    candidateValues[c][earlier] = candidateValues[c][^1];
                    candidateValues[c].RemoveAt(candidateValues[c].Count - 1);
                }
                texts[earlier] = text;
                labels[earlier] = row;
                groups[earlier] = group;
                places[earlier] = (record.Line, dataRow);
                overridden++;
                continue;
            }
            rowOfId[id] = ids.Count;
            ids.Add(id);
            texts.Add(text);
            labels.Add(row);
            groups.Add(group);
            places.Add((record.Line, dataRow));
        }
        // Labels are checked on the rows that survive, so a later row can correct a typo in an earlier one.
        for (int i = 0; i < labels.Count; i++)
            for (int h = 0; h < labelCols.Length; h++)
                if (labels[i][h] is { } label && checks[h] is { } check) check.See(label, places[i].Line, places[i].Row);
        ThrowOnUnknownLabel(checks, path);
        for (int c = 0; c < repeatCandidates.Length; c++)
        {
            // Blank cells are no shared value: such rows keep their own group.
            var filled = candidateValues[c].Where(v => v.Length > 0).ToList();
            int distinct = filled.Distinct(StringComparer.Ordinal).Count();
            if (distinct == filled.Count) continue;
            for (int i = 0; i < groups.Count; i++)
                if (candidateValues[c][i].Length > 0) groups[i] = "text-col:" + candidateValues[c][i];
            warn?.Invoke($"{path}: grouping cross-validation folds by the joined text column '{table.Columns[repeatCandidates[c]]}' " +
                $"({distinct} values repeat across {filled.Count} rows), so no value is both trained and tested; --group-col or --no-auto-group to change");
            break;
        }
        if (skipped > 0) warn?.Invoke($"{path}: skipped {skipped} row(s) with empty text");
        if (overridden > 0) warn?.Invoke($"{path}: {overridden} row(s) repeat an earlier id; the later row wins (a correction)");
        int n = texts.Count;
        return new LabelledDataset(ids, texts, Array.ConvertAll(labelCols, c => table.Columns[c]),
            labels, groups, Enumerable.Repeat(options.Weight, n).ToArray(), Enumerable.Repeat(options.TrainOnly, n).ToArray(), skipped)
        {
            OverriddenRows = overridden,
        };
    }

    /// <summary>Reports the earliest unknown codebook label, if the column uses the codebook at all.</summary>
    private static void ThrowOnUnknownLabel(SchemaCheck?[] checks, string path)
    {
        SchemaCheck? worst = null;
        foreach (var check in checks)
            if (check is { BadValue: { } bad } && (check.UsesSchema || LabelSchema.Suggest(bad, check.Allowed) is not null)
                && (worst is null || check.BadLine < worst.BadLine)) worst = check;
        if (worst is null) return;
        var suggestion = LabelSchema.Suggest(worst.BadValue!, worst.Allowed);
        var known = $"the {worst.Column} labels are: {string.Join(", ", worst.Allowed)}";
        throw new InputException($"row {worst.BadRow}: unknown {worst.Column} label '{worst.BadValue}'", path, worst.BadLine, worst.Index + 1,
            suggestion is null ? known : $"did you mean '{suggestion}'? {known}");
    }

    /// <summary>What one codebook label column has shown so far: whether it speaks the codebook, and its first stranger.</summary>
    private sealed class SchemaCheck(string column, int index, IReadOnlyList<string> allowed)
    {
        public string Column { get; } = column;
        public int Index { get; } = index;
        public IReadOnlyList<string> Allowed { get; } = allowed;
        public bool UsesSchema { get; private set; }
        public string? BadValue { get; private set; }
        public long BadLine { get; private set; }
        public int BadRow { get; private set; }

        public void See(string value, long line, int row)
        {
            bool known = false;
            for (int i = 0; i < Allowed.Count; i++)
                if (string.Equals(Allowed[i], value, StringComparison.Ordinal)) { known = true; break; }
            if (known) { UsesSchema = true; return; }
            if (BadValue is not null) return;
            BadValue = value;
            BadLine = line;
            BadRow = row;
        }
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
