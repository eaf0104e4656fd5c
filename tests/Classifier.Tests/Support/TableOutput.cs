namespace Classifier.Tests.Support;

/// <summary>The predictor's table format read back: per article its header, summary lines and paragraph rows.</summary>
public sealed record TableOutput(string Article, int Paragraphs, string? Slant, IReadOnlyDictionary<string, string> MainLabels, IReadOnlyList<string[]> Rows)
{
    /// <summary>Parses plain (uncoloured) table output; a row is the cells of a line that starts a paragraph ("│ 3 │ …").</summary>
    public static List<TableOutput> Parse(string output)
    {
        var result = new List<TableOutput>();
        string? article = null;
        int paragraphs = 0;
        string? slant = null;
        var main = new Dictionary<string, string>();
        var rows = new List<string[]>();
        void Flush()
        {
            if (article is not null) result.Add(new TableOutput(article, paragraphs, slant, main, rows));
        }
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("──", StringComparison.Ordinal))
            {
                Flush();
                var header = line.Trim('─', ' ');
                int open = header.LastIndexOf(" (", StringComparison.Ordinal);
                article = header[..open];
                paragraphs = int.Parse(header[(open + 2)..header.IndexOf(' ', open + 2)], System.Globalization.CultureInfo.InvariantCulture);
                (slant, main, rows) = (null, new Dictionary<string, string>(), new List<string[]>());
            }
            else if (line.StartsWith("slant ", StringComparison.Ordinal)) slant = line.Split(' ')[1];
            else if (line.Contains(": main ", StringComparison.Ordinal) && !line.StartsWith('│'))
            {
                int colon = line.IndexOf(": main ", StringComparison.Ordinal);
                main[line[..colon]] = line[(colon + 7)..line.IndexOf(';', colon)];
            }
            else if (line.StartsWith("│ ", StringComparison.Ordinal))
            {
                var cells = line.Split('│').Select(c => c.Trim()).ToArray()[1..^1];
                if (int.TryParse(cells[0], out _)) rows.Add(cells);
            }
        }
        Flush();
        return result;
    }
}
