namespace Classifier.LoadTest;

/// <summary>
/// loadtest --url http://127.0.0.1:PORT [--clients N] [--seconds D] [--texts K] …: load <c>POST /v1/predict</c> and
/// print requests/s, latency percentiles and errors. bench/load.sh starts the server and runs the scenarios.
/// </summary>
public static class Program
{
    /// <summary>0 every request succeeded, 1 some failed, 2 a bad command line or no seed text.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--markdown-header"])
        {
            // The script writes the table's head from here, so its columns cannot drift from the rows'.
            Console.WriteLine(LoadReport.MarkdownHeader);
            return 0;
        }
        LoadOptions options;
        IReadOnlyList<byte[]> bodies;
        try
        {
            options = LoadOptions.Parse(args);
            bodies = SeedParagraphs.Bodies(SeedParagraphs.Load(options.SeedsDirectory), options.TextsPerRequest);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"loadtest: {e.Message}");
            return 2;
        }
        var report = await LoadRunner.RunAsync(options, bodies);
        Console.WriteLine(report.ToText(options.Target));
        if (options.MarkdownRowFile is { } row) await File.AppendAllTextAsync(row, report.ToMarkdownRow() + "\n");
        return report.ErrorCount + report.WarmupErrorCount == 0 ? 0 : 1;
    }
}
