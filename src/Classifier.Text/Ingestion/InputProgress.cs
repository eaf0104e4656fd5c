namespace Classifier.Text.Ingestion;

/// <summary>
/// How far through its input files a run is, by bytes: a run over one large file would otherwise sit at 0% until
/// that file ends. Standard input has no known size and counts as nothing.
/// </summary>
public sealed class InputProgress
{
    private readonly long _total;
    private long _finished;
    private string? _current;
    private long _currentSize;

    /// <param name="files">The input files, as <see cref="ArticleReader.ResolveFiles"/> gives them ("-" for standard input).</param>
    public InputProgress(IReadOnlyList<string> files)
    {
        foreach (var file in files) _total += Size(file);
    }

    /// <summary>The fraction of all input bytes read once <paramref name="source"/> has read what it has; sources come in file order.</summary>
    public double Fraction(ArticleSource source)
    {
        if (_total == 0) return 0;
        if (source.File != _current)
        {
            _finished += _currentSize;
            _current = source.File;
            _currentSize = source.File is null ? 0 : Size(source.File);
        }
        long at = Math.Clamp(source.BytesRead(), 0, _currentSize);
        return Math.Min(1, (double)(_finished + at) / _total);
    }

    private static long Size(string file)
    {
        if (file == "-") return 0;
        try
        {
            return new FileInfo(file).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
