using Classifier.Text.Normalization;

namespace Classifier.Studio.Highlighting;

/// <summary>
/// Finds explanation terms in the text they came from. Terms are n-grams of the normalised text ("vucic" for
/// "Vučić", "kurti's" from ML.NET's tokens), so they cannot be searched for as written: the text is normalised one
/// letter at a time, keeping where each normalised letter came from, and a term matches a run of consecutive tokens
/// (letters and digits) equal to its own tokens, whatever separates them in the text.
/// </summary>
public static class TermHighlighter
{
    private static readonly string[] VoicePrefixes = ["quote:", "narrator:"];

    public static IReadOnlyList<HighlightSpan> Find(string text, IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        var tokens = Tokens(text);
        var spans = new List<HighlightSpan>();
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            var wanted = TermTokens(term);
            if (wanted.Count == 0) continue;
            for (int t = 0; t + wanted.Count <= tokens.Count; t++)
            {
                bool match = true;
                for (int k = 0; k < wanted.Count && match; k++) match = string.Equals(tokens[t + k].Text, wanted[k], StringComparison.Ordinal);
                if (match) spans.Add(new HighlightSpan(tokens[t].Start, tokens[t + wanted.Count - 1].End, term));
            }
        }
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return spans;
    }

    private static List<string> TermTokens(string term)
    {
        foreach (var prefix in VoicePrefixes)
            if (term.StartsWith(prefix, StringComparison.Ordinal)) { term = term[prefix.Length..]; break; }
        return [.. Tokens(term).Select(t => t.Text)];
    }

    private static List<(string Text, int Start, int End)> Tokens(string text)
    {
        var tokens = new List<(string, int, int)>();
        var current = new System.Text.StringBuilder();
        int start = -1, end = -1;
        for (int i = 0; i < text.Length;)
        {
            int width = char.IsSurrogatePair(text, i) ? 2 : 1;
            var piece = text.Substring(i, width);
            // Only letters and digits are normalised: anything else ends a token, whatever it would normalise to.
            var normalized = char.IsLetterOrDigit(text, i) ? TextNormalizer.Normalize(piece) : "";
            bool any = false;
            foreach (var c in normalized)
            {
                if (char.IsLetterOrDigit(c))
                {
                    if (current.Length == 0) start = i;
                    current.Append(c);
                    end = i + width;
                    any = true;
                }
            }
            if (!any && current.Length > 0 && IsCombiningMark(text, i)) end = i + width;
            else if (!any && current.Length > 0)
            {
                tokens.Add((current.ToString(), start, end));
                current.Clear();
            }
            i += width;
        }
        if (current.Length > 0) tokens.Add((current.ToString(), start, end));
        return tokens;
    }

    /// <summary>A combining accent (a decomposed "č") is folded away by normalisation and must not split its word.</summary>
    private static bool IsCombiningMark(string text, int i) =>
        char.GetUnicodeCategory(text, i) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
