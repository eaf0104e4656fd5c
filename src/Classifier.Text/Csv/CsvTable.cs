using Classifier.Text.Diagnostics;
using Classifier.Text.IO;
using CsvHelper;

namespace Classifier.Text.Csv;

/// <summary>
/// A CSV file with a header row, read as a stream of records. Any encoding <see cref="TextEncodingDetector"/> accepts;
/// every problem (unbalanced quote, a row with the wrong number of fields, a missing column) is an
/// <see cref="InputException"/> naming the file, line and column.
/// </summary>
public sealed class CsvTable : IDisposable
{
    private readonly StreamReader _text;
    private readonly CsvReader _csv;

    private CsvTable(string path, StreamReader text)
    {
        Path = path;
        _text = text;
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            Separator = ',',
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
            TrimWhitespace = false,
        };
        _csv = Guard(1, () => CsvReader.Create(text, options, leaveOpen: true));
        Guard(1, () => { _csv.ReadHeader(); return 0; });
        var header = _csv.Headers;
        if (header is null || header.Count == 0 || (header.Count == 1 && header[0].Trim().Length == 0))
            throw new InputException("the CSV file has no header row", path, 1, hint: "the first line must name the columns");
        var columns = new string[header.Count];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = header[i].Trim();
            for (int j = 0; j < i; j++)
                if (string.Equals(columns[i], columns[j], StringComparison.OrdinalIgnoreCase))
                    throw new InputException($"column '{columns[i]}' appears twice in the header", path, 1, i + 1);
        }
        Columns = columns;
    }

    public string Path { get; }
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Bytes of the file read so far (ahead of the current record by up to one buffer), for progress.</summary>
    public long BytesRead => Ingestion.ArticleReader.Position(_text.BaseStream);

    /// <summary>Opens a CSV file and reads its header.</summary>
    public static CsvTable Open(string path, Action<string>? warn = null)
    {
        var text = TextFileReader.Open(path, warn);
        try
        {
            return new CsvTable(path, text);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>The index of a column (exact match first, then case-insensitive); the error lists the columns that exist.</summary>
    public int ColumnIndex(string name)
    {
        int index = TryColumnIndex(name);
        if (index >= 0) return index;
        throw new InputException($"no column named '{name}'", Path, 1, hint: $"the columns are: {string.Join(", ", Columns)}");
    }

    public int TryColumnIndex(string name)
    {
        for (int i = 0; i < Columns.Count; i++) if (Columns[i] == name) return i;
        for (int i = 0; i < Columns.Count; i++) if (string.Equals(Columns[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>Streams the data rows (blank lines skipped). A malformed row stops the stream with an error naming its line.</summary>
    public IEnumerable<CsvRecord> Records()
    {
        while (true)
        {
            if (!Guard(_csv.LineNumber + 1, _csv.Read)) yield break;
            long line = _csv.LineNumber;
            var fields = _csv.Current.ToArray();
            if (fields.Length != Columns.Count)
                throw new InputException($"expected {Columns.Count} fields (as in the header), found {fields.Length}", Path, line,
                    hint: "a comma inside a field needs the field in double quotes");
            yield return new CsvRecord(line, fields);
        }
    }

    private T Guard<T>(long line, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new InputException($"invalid text encoding: {ex.Message}", Path, line);
        }
        catch (CsvFormatException ex)
        {
            throw new InputException(Explain(ex.Message), Path, ex.LineNumber > 0 ? ex.LineNumber : line,
                hint: "quote a field that holds commas, quotes or line breaks, and double any quote inside it (\"\")");
        }
        catch (CsvValidationException ex)
        {
            throw new InputException($"malformed CSV: {FirstLine(ex.Message)}", Path, line);
        }
    }

    private static string Explain(string message)
    {
        var first = FirstLine(message);
        if (first.Contains("Unterminated", StringComparison.OrdinalIgnoreCase)) return "a quoted field is never closed";
        if (first.Contains("Stray", StringComparison.OrdinalIgnoreCase)) return "a double quote stands inside an unquoted field";
        if (first.Contains("count", StringComparison.OrdinalIgnoreCase)) return $"the row has a different number of fields than the header ({first})";
        return $"malformed CSV: {first}";
    }

    public void Dispose()
    {
        _csv.Dispose();
        _text.Dispose();
    }

    private static string FirstLine(string s)
    {
        int nl = s.IndexOfAny(['\r', '\n']);
        return nl < 0 ? s : s[..nl];
    }
}
