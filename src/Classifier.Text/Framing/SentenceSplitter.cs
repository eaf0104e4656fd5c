namespace Classifier.Text.Framing;

/// <summary>
/// Splits a paragraph into sentences, for heads that score each sentence as well as the paragraph (sentence pooling):
/// a wire paragraph often carries one side's claim in one sentence among neutral ones, and weighing the whole
/// paragraph dilutes it.
/// </summary>
/// <remarks>
/// A sentence ends at <c>.</c>, <c>!</c>, <c>?</c> or <c>…</c>, with any closing quotation marks or brackets after it,
/// when whitespace follows and the next sentence starts with a capital letter, a digit or an opening mark. A full stop
/// after a single letter (an initial: "U.S.", "J. Smith") or a common abbreviation ("Mr.", "Gen.", "Jan.") does not
/// end a sentence. It is a heuristic: "in the U.S. The president" stays one sentence, which only costs pooling a split.
/// </remarks>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep",
        "amb", "pres", "rev", "jr", "sr", "vs", "etc", "approx", "est", "dept", "inc", "ltd", "co",
        "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "cf", "al",
    };

    // Abbreviations only before a number ("No. 5", "Art. 9"): "Serbia said no. The EU disagreed." ends a sentence.
    private static readonly HashSet<string> NumberAbbreviations = new(StringComparer.OrdinalIgnoreCase) { "no", "nos", "vol", "art", "para" };

    /// <summary>The sentences of <paramref name="paragraph"/>, trimmed, in order; the paragraph itself when it has one.</summary>
    public static IReadOnlyList<string> Split(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        List<string>? sentences = null;
        int start = 0;
        for (int i = 0; i < paragraph.Length; i++)
        {
            if (!IsTerminal(paragraph[i])) continue;
            int end = i + 1;
            while (end < paragraph.Length && IsClosing(paragraph[end])) end++;
            int next = end;
            while (next < paragraph.Length && char.IsWhiteSpace(paragraph[next])) next++;
            if (next == end || next == paragraph.Length || !StartsSentence(paragraph[next])) continue;
            if (paragraph[i] == '.' && IsAbbreviation(paragraph.AsSpan(start, i - start), char.IsDigit(paragraph[next]))) continue;
            var sentence = paragraph[start..end].Trim();
            if (sentence.Length > 0) (sentences ??= []).Add(sentence);
            start = next;
            i = next - 1;
        }
        if (sentences is null) return [paragraph];
        var last = paragraph[start..].Trim();
        if (last.Length > 0) sentences.Add(last);
        return sentences;
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…';

    // “ and ‘ close „…“ and ‚…‘ quotes (Serbian, German); right after a stop they can only be closing.
    private static bool IsClosing(char c) => c is '"' or '\'' or '”' or '’' or '“' or '‘' or '»' or '›' or ')' or ']' or '.' or '!' or '?';

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\'' or '“' or '‘' or '„' or '«' or '‹' or '(' or '[' or '—' or '–';

    /// <summary>
    /// Whether the word just before a full stop is an initial ("U.S.", "J. Smith": one letter after a space, a stop or
    /// an opening mark, so "won't." and "1990s." are not) or a listed abbreviation.
    /// </summary>
    private static bool IsAbbreviation(ReadOnlySpan<char> before, bool numberFollows)
    {
        int wordStart = before.Length;
        while (wordStart > 0 && char.IsLetter(before[wordStart - 1])) wordStart--;
        var word = before[wordStart..];
        if (word.Length == 0) return false;
        if (word.Length == 1)
            return wordStart == 0 || char.IsWhiteSpace(before[wordStart - 1]) || before[wordStart - 1] is '.' or '(' or '"' or '“' or '‘' or '„' or '«';
        if (numberFollows && NumberAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return true;
        return Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }
}
