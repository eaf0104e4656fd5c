using Classifier.Text.Diagnostics;

namespace Classifier.Text.Ingestion;

/// <summary>
/// Splits an article into paragraphs, one per non-blank line (blank lines and single line breaks both separate
/// paragraphs in scraped pages), and applies <see cref="DropRules"/>. Reads line by line: only the current line, up to
/// 64K characters of kept text not yet taken into the leaked-headline test's word sketch and, near the end of a page, a
/// possible leaked headline with the lines after it are held in memory.
/// </summary>
public sealed class ParagraphSplitter(DropRules rules)
{
    // Past this many held lines a run of headlines is no longer "at the end of the page" in any useful sense; also bounds memory.
    private const int MaxTail = 10_000;

    // Kept text held back from the leaked-headline sketch before it is sketched anyway: the sketch itself is 128 KB, so
    // holding this much more keeps memory flat however long the page.
    private const int MaxUnsketchedChars = 64 * 1024;

    public DropRules Rules { get; } = rules;

    /// <summary>Splits an article held in memory.</summary>
    public SplitResult Split(Article article)
    {
        using var reader = new StringReader(article.Text);
        return Split(article.Id, reader);
    }

    /// <summary>Splits the text read from <paramref name="text"/> and collects the decisions.</summary>
    public SplitResult Split(string articleId, TextReader text)
    {
        var kept = new List<Paragraph>();
        var dropped = new List<DroppedParagraph>();
        Split(articleId, text, kept.Add, dropped.Add);
        return new SplitResult(kept, dropped);
    }

    /// <summary>
    /// Streams the decisions: <paramref name="onKept"/> and <paramref name="onDropped"/> are called in line order.
    /// Returns the number of non-blank lines read. <paramref name="source"/> names the input in errors.
    /// <paramref name="cancellationToken"/> is checked on every line, so one huge article stops promptly.
    /// </summary>
    public int Split(string articleId, TextReader text, Action<Paragraph> onKept, Action<DroppedParagraph> onDropped, string? source = null,
        CancellationToken cancellationToken = default)
    {
        var leaked = Rules.LeakedHeadline;
        // The kept lines' words only matter when the page ends on headline-shaped lines, which most pages do not; taking
        // them in only then spares most articles a 128 KB sketch and the word splitting of every kept line.
        WordSketch? sketch = null;
        var unsketched = new List<string>();
        int unsketchedChars = 0;
        int lineNumber = 0, nonBlank = 0, index = 0;
        string? previousKey = null;
        // The page's tail since the last line of prose: headline-shaped kept lines (Drop null) and dropped lines, in line
        // order. Only when the article ends is it known whether those headlines were the article's or leaked in.
        var tail = new List<(DroppedParagraph? Drop, string Text, string Original, int Line)>();
        int tailHeadlines = 0;

        string? raw;
        while ((raw = ReadLine(text, source ?? articleId, lineNumber + 1)) is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            var original = raw.Trim();
            if (original.Length == 0) continue;
            nonBlank++;

            var (line, key, rule) = Judge(original, previousKey, source ?? articleId, lineNumber);
            if (rule is not null)
            {
                var drop = new DroppedParagraph(articleId, lineNumber, original, rule.Reason, rule.Name);
                if (tailHeadlines == 0) onDropped(drop);
                else if (tail.Count < MaxTail) tail.Add((drop, original, original, lineNumber));
                else { FlushTail(atEnd: false); onDropped(drop); }
                continue;
            }

            previousKey = key;
            if (leaked is not null && index + tailHeadlines > 0 && tail.Count < MaxTail && leaked.LooksLikeHeadline(line))
            {
                tail.Add((null, line, original, lineNumber));
                tailHeadlines++;
                continue;
            }
            if (tailHeadlines > 0) FlushTail(atEnd: false);
            Keep(line, lineNumber);
        }
        if (tailHeadlines > 0) FlushTail(atEnd: true);
        return nonBlank;

        void Keep(string line, int at)
        {
            index++;
            onKept(new Paragraph($"{articleId}:{index}", articleId, index, line, at));
            if (leaked is null) return;
            if (sketch is not null) { AddWords(sketch, line); return; }
            unsketched.Add(line);
            unsketchedChars += line.Length;
            if (unsketchedChars > MaxUnsketchedChars) Sketch();
        }

        WordSketch Sketch()
        {
            sketch ??= new WordSketch();
            foreach (var line in unsketched) AddWords(sketch, line);
            unsketched.Clear();
            unsketchedChars = 0;
            return sketch;
        }

        void AddWords(WordSketch into, string line)
        {
            foreach (var w in leaked!.ContentWords(line)) into.Add(w);
        }

        // Prose after the tail makes its headlines subheadings (kept); at the end of the page each one is judged on its own
        // against the words of the prose above it.
        void FlushTail(bool atEnd)
        {
            var decided = new bool[tail.Count];
            if (atEnd)
            {
                var article = Sketch();
                for (int i = 0; i < tail.Count; i++)
                    decided[i] = tail[i].Drop is null && leaked!.IsUnrelated(tail[i].Text, article);
            }
            for (int i = 0; i < tail.Count; i++)
            {
                var (drop, line, original, at) = tail[i];
                if (drop is not null) onDropped(drop);
                // A dropped line is reported as it was on the page, as every other rule reports it, not as a strip rule left it.
                else if (decided[i]) onDropped(new DroppedParagraph(articleId, at, original, leaked!.Reason, leaked.Name));
                else Keep(line, at);
            }
            tail.Clear();
            tailHeadlines = 0;
        }
    }

    /// <summary>The line after the strip rules, its key, and the rule that drops it (null to keep it).</summary>
    private (string Line, string Key, DropRule? Rule) Judge(string original, string? previousKey, string source, int lineNumber)
    {
        try
        {
            var line = original;
            foreach (var strip in Rules.StripRules)
            {
                if (!strip.WithinWordLimit(line)) continue;
                var stripped = strip.Strip(line);
                if (ReferenceEquals(stripped, line)) continue;
                line = stripped.Trim();
                if (line.Length == 0) return (line, "", strip);
            }
            var key = line.Length == 0 ? "" : DropRules.Key(line);
            return (line, key, FirstMatch(line, key, previousKey));
        }
        catch (DropRuleTimeoutException ex)
        {
            throw new InputException(
                $"drop rule \"{ex.Rule.Name}\" (from {Rules.Source}) took longer than its {ex.Timeout.TotalMilliseconds:0} ms match timeout on this line; " +
                "stopped rather than skip the rule", source, lineNumber,
                hint: "rewrite the pattern without nested or overlapping repetition such as (a+)+, or raise its \"timeoutMs\"");
        }
    }

    private DropRule? FirstMatch(string line, string key, string? previousKey)
    {
        // Counted once, up to the largest limit: a line past it is past every rule's limit.
        int words = DropRule.CountWords(line, Rules.LineWordLimit + 1);
        foreach (var rule in Rules.LineRules)
            if (rule.WithinWordLimit(words) && rule.Matches(line, key, previousKey)) return rule;
        return null;
    }

    private static string? ReadLine(TextReader text, string source, int line)
    {
        try
        {
            return text.ReadLine();
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new InputException($"the text is not valid in its encoding ({ex.Message})", source, line,
                hint: "re-save the file as UTF-8");
        }
    }
}
