using Classifier.Text.Normalization;

namespace Classifier.Text.Ingestion;

/// <summary>
/// Rules that look beyond the line itself: "repeats-previous-kept" (the line equals the last kept one) and
/// "unrelated-headline-at-end" (a headline-shaped last line whose words the article does not use), which
/// <see cref="ParagraphSplitter"/> decides once the article has ended.
/// </summary>
internal sealed class StructuralRule : DropRule
{
    public const string RepeatsPrevious = "repeats-previous-kept";
    public const string UnrelatedHeadlineAtEnd = "unrelated-headline-at-end";
    public static readonly string[] Checks = [RepeatsPrevious, UnrelatedHeadlineAtEnd];

    private readonly HashSet<string> _ignore;

    public StructuralRule(string name, string reason, string rationale, int? maxWords, string check,
        int minContentWords, double maxSharedFraction, IEnumerable<string> ignoreWords)
        : base(name, reason, rationale, maxWords)
    {
        Check = check;
        MinContentWords = minContentWords;
        MaxSharedFraction = maxSharedFraction;
        _ignore = new HashSet<string>(ignoreWords.Select(w => TextNormalizer.Normalize(w)), StringComparer.Ordinal);
    }

    public string Check { get; }
    public int MinContentWords { get; }
    public double MaxSharedFraction { get; }

    public override string Kind => "structural";

    internal override bool Matches(string text, string key, string? previousKeptKey) =>
        Check == RepeatsPrevious && previousKeptKey is not null && key == previousKeptKey;

    /// <summary>Short, one sentence, no closing punctuation: the shape of a headline rather than of prose.</summary>
    internal bool LooksLikeHeadline(string text)
    {
        int words = CountWords(text, (MaxWords ?? 16) + 1);
        if (words < 3 || words > (MaxWords ?? 16)) return false;
        if (!char.IsLetterOrDigit(text[0]) && text[0] is not ('"' or '\'' or '“' or '‘')) return false;
        int end = text.Length - 1;
        while (end > 0 && text[end] is '"' or '\'' or '”' or '’' or ')' or ']' or '»') end--;
        if (text[end] is '.' or '!' or '?' or ';' or ':' or ',' or '…') return false;
        return !text.Contains(". ", StringComparison.Ordinal);
    }

    /// <summary>Whether few enough of the line's content words occur in <paramref name="article"/> to call it another story's headline.</summary>
    internal bool IsUnrelated(string text, WordSketch article)
    {
        int content = 0, shared = 0;
        foreach (var word in ContentWords(text))
        {
            content++;
            if (article.Contains(word)) shared++;
        }
        return content >= MinContentWords && shared <= MaxSharedFraction * content;
    }

    /// <summary>The line's words as the relatedness test compares them: normalised, function words dropped, cut to a crude stem.</summary>
    internal IEnumerable<string> ContentWords(string text)
    {
        var norm = TextNormalizer.Normalize(text);
        int start = -1;
        for (int i = 0; i <= norm.Length; i++)
        {
            bool letter = i < norm.Length && char.IsLetterOrDigit(norm[i]);
            if (letter) { if (start < 0) start = i; continue; }
            if (start < 0) continue;
            var word = norm[start..i];
            start = -1;
            if (word.Length < 3 || _ignore.Contains(word)) continue;
            // Five letters are enough to match Serbia/Serbian or talk/talks without a real stemmer.
            yield return word.Length > 5 ? word[..5] : word;
        }
    }
}
