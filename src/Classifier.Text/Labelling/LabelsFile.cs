using System.Globalization;
using System.Text;
using Classifier.Text.Csv;
using Classifier.Text.Diagnostics;
using Classifier.Text.IO;

namespace Classifier.Text.Labelling;

/// <summary>
/// A labels file open for appending answers. Opening checks that the file has a column per head of its
/// <see cref="LabellingSchema"/> (the codebook's stance and topic unless another is given) and validates every row
/// (column count, the schema's values), and
/// refuses the file, untouched, with the row number of the first bad row. Opening writes nothing: the file is
/// created, or gains its missing annotator/note/labelled_at columns (added once, atomically), when the first answer
/// is appended, so a session that saves nothing leaves the file as it was. Each answer is appended and flushed to
/// disk before <see cref="Append"/> returns, so killing the process loses nothing; <see cref="Undo"/> removes only
/// the session's own row. Columns: the file's own header
/// (a gold file's id, article, text, stance, topic, annotator, note), plus the missing ones; columns that are
/// neither the schema's heads nor the labeller's own are kept, and left empty in new rows.
/// </summary>
public sealed class LabelsFile : IDisposable
{
    public static readonly string[] DefaultColumns = ColumnsFor(LabellingSchema.Codebook);
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly Dictionary<string, int> _labelled;
    private readonly List<string> _notes;
    private readonly string[] _fileColumns;
    private readonly Dictionary<long, byte[]> _own = [];
    private FileStream? _stream;
    private bool _prepared;

    private LabelsFile(string path, string[] fileColumns, IReadOnlyList<string> columns, FileStream? stream, Dictionary<string, int> labelled, int rows,
        List<string> notes, IReadOnlyList<string[]> existing, LabellingSchema schema)
    {
        Existing = existing;
        Schema = schema;
        Path = path;
        _fileColumns = fileColumns;
        Columns = columns;
        _stream = stream;
        _labelled = labelled;
        RowCount = rows;
        _notes = notes;
    }

    public string Path { get; }

    /// <summary>The columns answers are written with (the file's, plus those the first answer adds).</summary>
    public IReadOnlyList<string> Columns { get; }

    public int RowCount { get; private set; }

    /// <summary>Things done to the file so far (created it, added columns), for the session to report.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The heads its rows are labelled in, and answers must give.</summary>
    public LabellingSchema Schema { get; }

    /// <summary>Per row the file had when opened, its label per schema head (the schema's spelling; empty where missing).</summary>
    public IReadOnlyList<string[]> Existing { get; }

    /// <summary>The columns of a new file labelled in <paramref name="schema"/>.</summary>
    public static string[] ColumnsFor(LabellingSchema schema) => ["id", "article", "text", .. schema.HeadNames, "annotator", "note", "labelled_at"];

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

    public bool IsLabelled(string id) => _labelled.ContainsKey(id);

    /// <summary>Ids with at least one row, with how many rows each.</summary>
    public IReadOnlyDictionary<string, int> Labelled => _labelled;

    /// <summary>Validates the file (when it exists) against <paramref name="schema"/> (default: the codebook) and opens it for appending; writes nothing.</summary>
    public static LabelsFile Open(string path, LabellingSchema? schema = null)
    {
        schema ??= LabellingSchema.Codebook;
        var labelled = new Dictionary<string, int>(StringComparer.Ordinal);
        var existing = new List<string[]>();
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
            return new LabelsFile(path, [], ColumnsFor(schema), null, labelled, 0, [], existing, schema);
        string[] columns;
        int rows = 0;
        using (var table = CsvTable.Open(path))
        {
            columns = [.. table.Columns];
            var (id, heads) = HeadColumns(table, schema, path);
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
                labelled[key] = labelled.TryGetValue(key, out var c) ? c + 1 : 1;
                existing.Add(values);
                rows++;
            }
        }
        var missing = new[] { "annotator", "note", "labelled_at" }.Where(w => !columns.Any(c => string.Equals(c, w, StringComparison.OrdinalIgnoreCase)));
        // Opened now, so a file that cannot be written is refused before the first answer is typed.
        return new LabelsFile(path, columns, [.. columns, .. missing], OpenStream(path), labelled, rows, [], existing, schema);
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
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
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
        _stream = OpenStream(Path);
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

    /// <summary>Appends one answer and flushes it to disk; returns the file length before it (for <see cref="Undo"/>).</summary>
    public long Append(LabelRecord record)
    {
        if (record.Labels.Count != Schema.Heads.Count)
            throw new ArgumentException($"{record.Labels.Count} labels for {Schema.Heads.Count} heads", nameof(record));
        var fields = new string[Columns.Count];
        for (int c = 0; c < fields.Length; c++) fields[c] = Field(Columns[c], record);
        var line = new StringWriter();
        using (var csv = CsvOutput.Create(line)) CsvOutput.WriteRow(csv, fields);
        var bytes = Utf8.GetBytes(line.ToString());
        Prepare();
        var stream = _stream!;
        long before = stream.Seek(0, SeekOrigin.End);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
        _labelled[record.Id] = _labelled.TryGetValue(record.Id, out var n) ? n + 1 : 1;
        _own[before] = bytes;
        RowCount++;
        return before;
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
    /// Removes the answer this session appended at <paramref name="offset"/> for <paramref name="id"/>, and nothing
    /// else: rows appended after it by anyone else move up. False (the file untouched) when that row is no longer
    /// where it was written, i.e. the file was rewritten under the session.
    /// </summary>
    public bool Undo(string id, long offset)
    {
        if (!_own.Remove(offset, out var bytes) || _stream is null) return false;
        var stream = _stream;
        long length = stream.Seek(0, SeekOrigin.End);
        if (offset + bytes.Length > length) return false;
        var found = new byte[bytes.Length];
        stream.Seek(offset, SeekOrigin.Begin);
        stream.ReadExactly(found);
        if (!found.AsSpan().SequenceEqual(bytes)) return false;
        var tail = new byte[length - offset - bytes.Length];
        stream.ReadExactly(tail);
        stream.Seek(offset, SeekOrigin.Begin);
        stream.Write(tail);
        stream.SetLength(length - bytes.Length);
        stream.Flush(flushToDisk: true);
        if (_labelled.TryGetValue(id, out var n))
        {
            if (n <= 1) _labelled.Remove(id);
            else _labelled[id] = n - 1;
        }
        RowCount--;
        return true;
    }

    public void Dispose() => _stream?.Dispose();
}
