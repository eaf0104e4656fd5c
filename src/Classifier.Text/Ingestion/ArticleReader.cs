using Classifier.Text.IO;

namespace Classifier.Text.Ingestion;

/// <summary>Placeholder: reads .txt files only until the real reader lands.</summary>
public static class ArticleReader
{
    public static IEnumerable<Article> Read(IReadOnlyList<string> paths, string textColumn, string? idColumn, TextReader stdin, Action<string> warn)
    {
        foreach (var path in paths)
        {
            if (path == "-") { yield return new Article("stdin", "-", stdin.ReadToEnd()); continue; }
            var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.txt").Order(StringComparer.Ordinal).ToArray() : [path];
            foreach (var f in files) yield return new Article(Path.GetFileNameWithoutExtension(f), f, File.ReadAllText(f));
        }
    }
}
