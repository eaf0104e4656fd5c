using System.Globalization;
using System.Text;
using Classifier.Text.Csv;
using Classifier.Text.Diagnostics;
using Classifier.Text.IO;

namespace Classifier.Text.Labelling;

/// <summary>
/// A labels file open for appending answers. Opening checks that the file has a column per head of its
/// <see cref="LabellingSchema"/> (the codebook's stance and topic unless another is given) and validates every row
/// (column count, the schema's values), and refuses the file, untouched, with the row number of the first bad row.
/// Opening writes nothing: the file is created, or gains its missing annotator/note/labelled_at columns (added once,
/// atomically), when the first answer is appended, so a session that saves nothing leaves the file as it was. The
/// file is only ever appended to: each row is flushed to disk before <see cref="Append"/> returns (killing the
/// process loses nothing), a later row for an id replaces the earlier one (a correction, as in train, evaluate and
/// agreement), and a row whose labels are all empty withdraws the id's answer. Before each write the file is checked
/// against what this instance last saw (size, modification time, last bytes): rows appended by someone else are read
/// in and reported (<see cref="TakeExternalRows"/>), any other change stops writing with
/// <see cref="LabelsFileChangedException"/>. Columns: the file's own header plus the missing ones; columns that are
/// neither the schema's heads nor the labeller's own are kept, and left empty in new rows.
/// </summary>
public sealed class LabelsFile : IDisposable
{
    public static readonly string[] DefaultColumns = ColumnsFor(LabellingSchema.Codebook);
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly Dictionary<string, LabelRecord> _latest;
    private readonly List<string> _notes;
    private readonly List<string> _externalRows = [];
    private string[] _fileColumns;
    private FileStream? _stream;
    private bool _prepared;
    private FileState _seen;

    private LabelsFile(string path, string[] fileColumns, IReadOnlyList<string> columns, FileStream? stream, List<LabelRecord> rows, LabellingSchema schema)
    {
        Schema = schema;
        Path = path;
        _fileColumns = fileColumns;
        Columns = columns;
        _stream = stream;
        _latest = new Dictionary<string, LabelRecord>(StringComparer.Ordinal);
        foreach (var row in rows) _latest[row.Id] = row;
        RowCount = rows.Count;
        _notes = [];
        _seen = FileState.Of(path);
    }

    public string Path { get; }

    /// <summary>The columns answers are written with (the file's, plus those the first answer adds).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Data rows in the file, corrections and withdrawals included.</summary>
    public int RowCount { get; private set; }

    /// <summary>Things done to the file so far (created it, added columns), for the session to report.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The heads its rows are labelled in, and answers must give.</summary>
    public LabellingSchema Schema { get; }

    /// <summary>Per id, its last row (the one train, evaluate and agreement use); withdrawn answers included, with empty labels.</summary>
    public IReadOnlyDictionary<string, LabelRecord> Latest => _latest;

    /// <summary>Ids whose last row gives at least one label.</summary>
    public int LabelledCount => _latest.Values.Count(IsAnswer);

    /// <summary>The columns of a new file labelled in <paramref name="schema"/>.</summary>
    public static string[] ColumnsFor(LabellingSchema schema) => ["id", "article", "text", .. schema.HeadNames, "annotator", "note", "labelled_at"];

    /// <summary>Whether a row answers its id: a row whose labels are all empty withdraws the answer.</summary>
    public static bool IsAnswer(LabelRecord row) => row.Labels.Any(l => l.Length > 0);

    /// <summary>
    /// A copy of the file as it is now, for readers that open files themselves (some platforms refuse a second
    /// handle on a file this one is writing). The caller deletes it.
    /// </summary>
    public string Snapshot()
    {
        var copy = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"labels-snapshot-{Environment.ProcessId}-{Guid.NewGuid():N}.csv");
        using var target = new FileStream(copy, FileMode.CreateNew, FileAccess.Write);
        if (_stream is null)
        {
            // Nothing written yet: the copy is what the file will start as.
            target.Write(Utf8.GetBytes(string.Join(',', Columns) + "\n"));
            return copy;
        }
        long position = _stream.Position;
        _stream.Seek(0, SeekOrigin.Begin);
        _stream.CopyTo(target);
        _stream.Seek(position, SeekOrigin.Begin);
        return copy;
    }

    /// <summary>Whether the id's last row gives a label (a withdrawn answer does not count).</summary>
    public bool IsLabelled(string id) => _latest.TryGetValue(id, out var row) && IsAnswer(row);

    /// <summary>Ids of rows someone else appended since the last call (read in before this instance wrote again).</summary>
    public IReadOnlyList<string> TakeExternalRows()
    {
        var ids = _externalRows.ToArray();
        _externalRows.Clear();
        return ids;
    }

    /// <summary>Validates the file (when it exists) against <paramref name="schema"/> (default: the codebook) and opens it for appending; writes nothing.</summary>
    public static LabelsFile Open(string path, LabellingSchema? schema = null)
    {
        schema ??= LabellingSchema.Codebook;
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
            return new LabelsFile(path, [], ColumnsFor(schema), null, [], schema);
        var (columns, rows) = ReadRows(path, schema);
        var missing = new[] { "annotator", "note", "labelled_at" }.Where(w => !columns.Any(c => string.Equals(c, w, StringComparison.OrdinalIgnoreCase)));
        // Opened now, so a file that cannot be written is refused before the first answer is typed.
        return new LabelsFile(path, columns, [.. columns, .. missing], OpenStream(path), rows, schema);
    }

    /// <summary>The header and every row, validated against the schema; the first bad row is an error naming it.</summary>
    private static (string[] Columns, List<LabelRecord> Rows) ReadRows(string path, LabellingSchema schema)
    {
        var rows = new List<LabelRecord>();
        using var table = CsvTable.Open(path);
        var (id, heads) = HeadColumns(table, schema, path);
        int article = table.TryColumnIndex("article"), text = table.TryColumnIndex("text"), annotator = table.TryColumnIndex("annotator"),
            note = table.TryColumnIndex("note"), at = table.TryColumnIndex("labelled_at");
        foreach (var record in table.Records())
        {
            var key = record[id].Trim();
            if (key.Length == 0) throw new InputException($"row {record.Line} has no id", path, record.Line, id + 1);
            var values = new string[heads.Length];
            for (int h = 0; h < heads.Length; h++)
            {
                var raw = record[heads[h]];
                values[h] = raw.Trim().Length == 0 ? "" : schema.Heads[h].Validate(raw, path, record.Line, heads[h] + 1);
            }
            string Cell(int c) => c < 0 ? "" : record[c];
            var when = DateTimeOffset.TryParse(Cell(at), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.MinValue;
            rows.Add(new LabelRecord(key, Cell(article), Cell(text), values, Cell(annotator), Cell(note), when));
        }
        return ([.. table.Columns], rows);
    }

    /// <summary>The id column and each head's column; a file without them is refused, naming what it lacks.</summary>
    private static (int Id, int[] Heads) HeadColumns(CsvTable table, LabellingSchema schema, string path)
    {
        var hint = $"its columns are: {string.Join(", ", table.Columns)}; the heads come from {schema.Source}";
        int id = table.TryColumnIndex("id");
        if (id < 0) throw new InputException("the labels file has no id column", path, 1, hint: hint);
        var heads = schema.HeadNames.Select(table.TryColumnIndex).ToArray();
        var missing = schema.HeadNames.Where((_, h) => heads[h] < 0).ToList();
        if (missing.Count > 0)
            throw new InputException($"the labels file has no {string.Join(", ", missing)} column{(missing.Count > 1 ? "s" : "")}", path, 1, hint: hint);
        return (id, heads);
    }

    private static FileStream OpenStream(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, $"cannot open the labels file for writing: {ex.Message}", ex);
        }
    }

    /// <summary>Before the first answer: create the file, or add the missing columns, or end a hand-edited last row.</summary>
    private void Prepare()
    {
        if (_prepared) return;
        if (_stream is null)
        {
            AtomicFile.WriteText(Path, w => w.Write(string.Join(',', Columns) + "\n"));
            _notes.Add($"created {Path}");
        }
        else if (Columns.Count > _fileColumns.Length)
        {
            _stream.Dispose();
            AddMissingColumns();
        }
        _stream?.Dispose();
        _stream = OpenStream(Path);
        _fileColumns = [.. Columns];
        EndLastRow(_stream);
        _prepared = true;
    }

    /// <summary>Rewrites the file once with the missing columns (empty for old rows) so every new answer records who and when.</summary>
    private void AddMissingColumns()
    {
        var records = new List<string[]>();
        using (var table = CsvTable.Open(Path))
            foreach (var record in table.Records()) records.Add(record.Fields);
        var empty = new string[Columns.Count - _fileColumns.Length];
        Array.Fill(empty, "");
        AtomicFile.WriteText(Path, w =>
        {
            using var csv = CsvOutput.Create(w);
            CsvOutput.WriteRow(csv, [.. Columns]);
            foreach (var r in records) CsvOutput.WriteRow(csv, [.. r, .. empty]);
        });
        _notes.Add($"added column(s) {string.Join(", ", Columns.Skip(_fileColumns.Length))} to {Path}");
    }

    /// <summary>A hand-edited file may lack the final newline; the next answer must start a row of its own.</summary>
    private static void EndLastRow(FileStream stream)
    {
        if (stream.Length == 0) return;
        stream.Seek(-1, SeekOrigin.End);
        if (stream.ReadByte() == '\n') return;
        stream.Seek(0, SeekOrigin.End);
        stream.WriteByte((byte)'\n');
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Appends one row and flushes it to disk; returns its data row number (1 for the first row under the header).
    /// Labels are the schema's values, or all empty to withdraw the id's answer.
    /// </summary>
    public int Append(LabelRecord record)
    {
        if (record.Labels.Count != Schema.Heads.Count)
            throw new ArgumentException($"{record.Labels.Count} labels for {Schema.Heads.Count} heads", nameof(record));
        for (int h = 0; h < record.Labels.Count; h++)
            if (record.Labels[h].Length > 0 && Schema.Heads[h].Find(record.Labels[h]) != record.Labels[h])
                throw new ArgumentException($"'{record.Labels[h]}' is not a {Schema.Heads[h].Name} value of {Schema.Source}", nameof(record));
        var fields = new string[Columns.Count];
        for (int c = 0; c < fields.Length; c++) fields[c] = Field(Columns[c], record);
        var line = new StringWriter();
        using (var csv = CsvOutput.Create(line)) CsvOutput.WriteRow(csv, fields);
        var bytes = Utf8.GetBytes(line.ToString());
        Refresh();
        Prepare();
        var stream = _stream!;
        stream.Seek(0, SeekOrigin.End);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
        _latest[record.Id] = record;
        RowCount++;
        _seen = FileState.Of(Path);
        return RowCount;
    }

    private string Field(string column, LabelRecord record)
    {
        for (int h = 0; h < Schema.Heads.Count; h++)
            if (string.Equals(column, Schema.Heads[h].Name, StringComparison.OrdinalIgnoreCase)) return record.Labels[h];
        return column.ToLowerInvariant() switch
        {
            "id" => record.Id,
            "article" => record.Article,
            "text" => record.Text,
            "annotator" => record.Annotator,
            "note" => record.Note,
            "labelled_at" => record.LabelledAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            _ => "",
        };
    }

    /// <summary>
    /// The file is as this instance left it, or only grew by rows someone else appended (read in, and reported by
    /// <see cref="TakeExternalRows"/>); any other change throws <see cref="LabelsFileChangedException"/>, so an edit
    /// made while the session runs is never written over or interleaved with.
    /// </summary>
    public void Refresh()
    {
        var now = FileState.Of(Path);
        if (now.Same(_seen)) return;
        if (!_seen.Exists || !now.Exists || now.Length <= _seen.Length || !now.Continues(Path, _seen))
            throw new LabelsFileChangedException(Path, _seen.Describe(now));
        var (columns, rows) = ReadRows(Path, Schema);
        if (!columns.SequenceEqual(_fileColumns, StringComparer.Ordinal) || rows.Count < RowCount)
            throw new LabelsFileChangedException(Path, "its header or earlier rows differ");
        foreach (var row in rows.Skip(RowCount))
        {
            _latest[row.Id] = row;
            _externalRows.Add(row.Id);
        }
        RowCount = rows.Count;
        // An editor may have replaced the file with a longer copy: write to what the path names now.
        if (_prepared)
        {
            _stream?.Dispose();
            _stream = OpenStream(Path);
        }
        _seen = now;
    }

    public void Dispose() => _stream?.Dispose();
}
