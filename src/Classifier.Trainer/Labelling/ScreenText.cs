namespace Classifier.Trainer.Labelling;

/// <summary>Word wrapping done here rather than by the console, so the labeller knows how many lines a frame takes.</summary>
public static class ScreenText
{
    /// <summary>Greedy word wrap to lines of at most <paramref name="width"/> characters (longer words are split).</summary>
    public static List<string> Wrap(string text, int width)
    {
        width = Math.Max(1, width);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = word;
                while (w.Length > width)
                {
                    if (line.Length > 0) { lines.Add(line); line = ""; }
                    lines.Add(w[..width]);
                    w = w[width..];
                }
                if (line.Length == 0) line = w;
                else if (line.Length + 1 + w.Length <= width) line += " " + w;
                else { lines.Add(line); line = w; }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>The text cut to <paramref name="width"/> characters, with an ellipsis when cut.</summary>
    public static string Cut(string text, int width) => text.Length <= width ? text : text[..Math.Max(0, width - 1)] + "…";
}
