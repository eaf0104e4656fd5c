using System.Globalization;
using System.Text;
using Classifier.Text.Csv;
using Classifier.Text.Diagnostics;
using Classifier.Text.IO;
using Classifier.Text.Labels;

namespace Classifier.Text.Labelling;

/// <summary>
/// A labels file open for appending answers. Opening validates every row (column count, codebook labels) and
/// refuses the file, untouched, with the row number of the first bad row. Each answer is appended and flushed to
/// disk before <see cref="Append"/> returns, so killing the process loses nothing; <see cref="Undo"/> truncates
/// the last answer away. Columns: the file's own header (a gold file's id, article, text, stance, topic,
/// annotator, note), plus annotator/note/labelled_at when missing (added once, atomically).
/// </summary>
public sealed class LabelsFile : IDisposable
{
    public static readonly string[] DefaultColumns = ["id", "article", "text", "stance", "topic", "annotator", "note", "labelled_at"];
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly FileStream _stream;
    private readonly Dictionary<string, int> _labelled;

    private LabelsFile(string path, IReadOnlyList<string> columns, FileStream stream, Dictionary<string, int> labelled, int rows, IReadOnlyList<string> notes,
        IReadOnlyList<(string Stance, string Topic)> existing)
    {
        Existing = existing;
        Path = path;
        Columns = columns;
        _stream = stream;
        _labelled = labelled;
        RowCount = rows;
        Notes = notes;
    }

    public string Path { get; }
    public IReadOnlyList<string> Columns { get; }
    public int RowCount { get; private set; }

    /// <summary>Things said while opening (e.g. columns added).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The (stance, topic) of every row the file had when opened (lower case; empty where missing).</summary>
    public IReadOnlyList<(string Stance, string Topic)> Existing { get; }

    /// <summary>
    /// A copy of the file as it is now, for readers that open files themselves (some platforms refuse a second
    /// handle on a file this one is writing). The caller deletes it.
    /// </summary>
    public string Snapshot()
    {
        var copy = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"labels-snapshot-{Environment.ProcessId}-{Guid.NewGuid():N}.csv");
        long position = _stream.Position;
        _stream.Seek(0, SeekOrigin.Begin);
        using (var target = new FileStream(copy, FileMode.CreateNew, FileAccess.Write)) _stream.CopyTo(target);
        _stream.Seek(position, SeekOrigin.Begin);
        return copy;
    }

    public bool IsLabelled(string id) => _labelled.ContainsKey(id);

    /// <summary>Ids with at least one row, with how many rows each.</summary>
    public IReadOnlyDictionary<string, int> Labelled => _labelled;

    /// <summary>Validates (or creates) the file and opens it for appending.</summary>
    public static LabelsFile Open(string path)
    {
        var notes = new List<string>();
        var labelled = new Dictionary<string, int>(StringComparer.Ordinal);
        var existing = new List<(string Stance, string Topic)>();
        int rows = 0;
        string[] columns;
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            columns = DefaultColumns;
            AtomicFile.WriteText(path, w => w.Write(string.Join(',', columns) + "\n"));
            notes.Add($"created {path}");
        }
        else
        {
            var records = new List<string[]>();
            using (var table = CsvTable.Open(path))
            {
                columns = [.. table.Columns];
                int id = table.TryColumnIndex("id");
                if (id < 0 || table.TryColumnIndex(LabelSchema.StanceColumn) < 0 || table.TryColumnIndex(LabelSchema.TopicColumn) < 0)
                    throw new InputException("the labels file needs id, stance and topic columns", path, 1, hint: $"its columns are: {string.Join(", ", table.Columns)}");
                int stance = table.ColumnIndex(LabelSchema.StanceColumn), topic = table.ColumnIndex(LabelSchema.TopicColumn);
                foreach (var record in table.Records())
                {
                    foreach (var (head, column) in new[] { (LabelSchema.StanceColumn, stance), (LabelSchema.TopicColumn, topic) })
                        if (record[column].Trim().Length > 0) GoldLabels.Validate(record[column], head, path, record.Line, column + 1);
                    var key = record[id].Trim();
                    if (key.Length == 0) throw new InputException($"row {record.Line} has no id", path, record.Line, id + 1);
                    labelled[key] = labelled.TryGetValue(key, out var c) ? c + 1 : 1;
                    records.Add(record.Fields);
                    existing.Add((record[stance].Trim().ToLowerInvariant(), record[topic].Trim().ToLowerInvariant()));
                    rows++;
                }
            }
            var missing = new List<string>();
            foreach (var wanted in new[] { "annotator", "note", "labelled_at" })
                if (!columns.Any(c => string.Equals(c, wanted, StringComparison.OrdinalIgnoreCase))) missing.Add(wanted);
            if (missing.Count > 0)
            {
                // Rewrite once with the missing columns (empty for old rows) so every new answer records who and when.
                var all = columns.Concat(missing).ToArray();
                AtomicFile.WriteText(path, w =>
                {
                    using var csv = CsvOutput.Create(w);
                    CsvOutput.WriteRow(csv, all);
                    var empty = new string[missing.Count];
                    Array.Fill(empty, "");
                    foreach (var r in records) CsvOutput.WriteRow(csv, [.. r, .. empty]);
                });
                notes.Add($"added column(s) {string.Join(", ", missing)} to {path}");
                columns = all;
            }
        }
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, $"cannot open the labels file for writing: {ex.Message}", ex);
        }
        // A hand-edited file may lack the final newline; the next answer must start a row of its own.
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            if (stream.ReadByte() != '\n')
            {
                stream.Seek(0, SeekOrigin.End);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }
        }
        return new LabelsFile(path, columns, stream, labelled, rows, notes, existing);
    }

    /// <summary>Appends one answer and flushes it to disk; returns the file length before it (for <see cref="Undo"/>).</summary>
    public long Append(LabelRecord record)
    {
        var fields = new string[Columns.Count];
        for (int c = 0; c < fields.Length; c++)
        {
            fields[c] = Columns[c].ToLowerInvariant() switch
            {
                "id" => record.Id,
                "article" => record.Article,
                "text" => record.Text,
                "stance" => record.Stance,
                "topic" => record.Topic,
                "annotator" => record.Annotator,
                "note" => record.Note,
                "labelled_at" => record.LabelledAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                _ => "",
            };
        }
        var line = new StringWriter();
        using (var csv = CsvOutput.Create(line)) CsvOutput.WriteRow(csv, fields);
        var bytes = Utf8.GetBytes(line.ToString());
        long before = _stream.Seek(0, SeekOrigin.End);
        _stream.Write(bytes);
        _stream.Flush(flushToDisk: true);
        _labelled[record.Id] = _labelled.TryGetValue(record.Id, out var n) ? n + 1 : 1;
        RowCount++;
        return before;
    }

    /// <summary>Removes the answer appended at <paramref name="offset"/> (the last one) for <paramref name="id"/>.</summary>
    public void Undo(string id, long offset)
    {
        _stream.SetLength(offset);
        _stream.Flush(flushToDisk: true);
        if (_labelled.TryGetValue(id, out var n))
        {
            if (n <= 1) _labelled.Remove(id);
            else _labelled[id] = n - 1;
        }
        RowCount--;
    }

    public void Dispose() => _stream.Dispose();
}
