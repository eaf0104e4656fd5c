using Classifier.Text.Csv;
using Classifier.Text.Diagnostics;
using Classifier.Text.IO;

namespace Classifier.Text.Ingestion;

/// <summary>
/// Turns command-line paths into articles: a .txt file is one article (id = file name without extension), a directory
/// gives its *.txt files in ordinal name order, a .csv file gives one article per row (text from the text column, id
/// from the id column or "name#row"), and "-" reads standard input. Text files are decoded as
/// <see cref="TextEncodingDetector"/> decides and streamed.
/// </summary>
public static class ArticleReader
{
    /// <summary>Reads every article whole (for callers that need the full text, like the predictor).</summary>
    public static IEnumerable<Article> Read(IReadOnlyList<string> paths, string textColumn, string? idColumn, TextReader stdin, Action<string> warn)
    {
        foreach (var source in Open(paths, textColumn, idColumn, stdin, warn))
        {
            var article = source.Load();
            if (string.IsNullOrWhiteSpace(article.Text))
                throw new InputException(source.Source == "-" ? "standard input is empty" : "the file has no text", source.Source,
                    hint: "give a file with an article in it");
            yield return article;
        }
    }

    /// <summary>
    /// The articles of <paramref name="paths"/>, in order, each opened only when asked. All paths are checked first, so a
    /// missing file or a directory without .txt files fails before anything is read.
    /// </summary>
    public static IEnumerable<ArticleSource> Open(IReadOnlyList<string> paths, string textColumn, string? idColumn, TextReader stdin, Action<string> warn)
    {
        var files = ResolveFiles(paths);
        return Enumerate(files, textColumn, idColumn, stdin, warn);
    }

    /// <summary>The input files the paths stand for ("-" stays as it is), checked to exist.</summary>
    public static IReadOnlyList<string> ResolveFiles(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) throw new InputException("no input given", hint: "name .txt files, directories of them, CSV files, or - for standard input");
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (path == "-") { files.Add(path); continue; }
            if (Directory.Exists(path))
            {
                var found = new List<string>();
                foreach (var f in Directory.EnumerateFiles(path))
                    if (f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) found.Add(f);
                if (found.Count == 0)
                    throw new InputException("the directory has no .txt files", path, hint: "put one article per .txt file in it");
                found.Sort((a, b) => string.CompareOrdinal(Path.GetFileName(a), Path.GetFileName(b)));
                files.AddRange(found);
            }
            else if (File.Exists(path)) files.Add(path);
            else throw new InputException("no such file or directory", path, hint: "check the path");
        }
        return files;
    }

    private static IEnumerable<ArticleSource> Enumerate(IReadOnlyList<string> files, string textColumn, string? idColumn, TextReader stdin, Action<string> warn)
    {
        foreach (var file in files)
        {
            if (file == "-")
            {
                yield return new ArticleSource("stdin", "-", () => stdin);
                continue;
            }
            if (IsCsv(file))
            {
                foreach (var row in CsvArticles(file, textColumn, idColumn, warn)) yield return row;
                continue;
            }
            yield return TextFile(file, warn);
        }
    }

    private static ArticleSource TextFile(string path, Action<string> warn)
    {
        StreamReader? opened = null;
        return new ArticleSource(Path.GetFileNameWithoutExtension(path), path, () => opened = TextFileReader.Open(path, warn))
        {
            File = path,
            BytesRead = () => Position(opened?.BaseStream),
        };
    }

    /// <summary>A stream's position, or 0 once it is closed (progress is asked for between articles too).</summary>
    internal static long Position(Stream? stream) => stream is { CanSeek: true } ? stream.Position : 0;

    private static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<ArticleSource> CsvArticles(string path, string textColumn, string? idColumn, Action<string> warn)
    {
        using var table = CsvTable.Open(path, warn);
        int text = table.ColumnIndex(textColumn);
        int id = idColumn is null ? -1 : table.ColumnIndex(idColumn);
        var stem = Path.GetFileNameWithoutExtension(path);
        int row = 0;
        foreach (var record in table.Records())
        {
            row++;
            var body = record[text];
            string articleId = id < 0 ? $"{stem}#{row}" : record[id].Trim();
            if (articleId.Length == 0)
                throw new InputException($"the id column '{idColumn}' is empty", path, record.Line, id + 1, hint: "give every article an id");
            if (string.IsNullOrWhiteSpace(body))
            {
                warn($"{path}:{record.Line}: article '{articleId}' has no text; skipped");
                continue;
            }
            yield return new ArticleSource(articleId, $"{path}:{record.Line}", () => new StringReader(body))
            {
                File = path,
                BytesRead = () => table.BytesRead,
            };
        }
    }
}
