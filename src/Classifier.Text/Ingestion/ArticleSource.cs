namespace Classifier.Text.Ingestion;

/// <summary>
/// An article not yet read: its id, where it comes from, and a way to open its text as a stream, so a 100 MB file is
/// split line by line instead of loaded whole.
/// </summary>
/// <param name="Id">Article id: the file name without .txt, the CSV id column, or "stdin".</param>
/// <param name="Source">The file (or "file.csv:line" for a CSV row, "-" for standard input) for messages.</param>
/// <param name="Open">Opens the text; the caller disposes the reader.</param>
public sealed record ArticleSource(string Id, string Source, Func<TextReader> Open)
{
    /// <summary>The file the text is read from (several CSV rows share one), or null for standard input.</summary>
    public string? File { get; init; }

    /// <summary>How many bytes of <see cref="File"/> have been read so far, for progress by bytes.</summary>
    public Func<long> BytesRead { get; init; } = () => 0;

    /// <summary>Reads the whole text into an <see cref="Article"/>.</summary>
    public Article Load()
    {
        using var reader = Open();
        try
        {
            return new Article(Id, Source, reader.ReadToEnd());
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new Diagnostics.InputException($"the text is not valid in its encoding ({ex.Message})", Source, hint: "re-save the file as UTF-8");
        }
    }
}
