namespace Classifier.Text.Framing;

/// <summary>
/// Separates quoted speech from the narrator's voice. A claim inside quotation marks is the speaker's; the same words
/// outside them are the outlet's framing, and the codebook labels the two differently.
/// </summary>
/// <remarks>
/// Works on any quote style: “ ” „ " « » ‹ › ‘ ’ ' (and on <see cref="Normalization.TextNormalizer"/> output, where
/// they have become <c>"</c> and <c>'</c>). Double marks toggle, since opening and closing forms differ by language
/// („…“, «…», ”…”). A single mark between two letters or digits is an apostrophe (Kosovo's, Vučić’s); otherwise
/// it opens when a letter follows it (and none precedes it) and closes an open single quote otherwise. A single quote inside a double quote is
/// nested and ends with it. An unbalanced opening mark quotes the rest of the paragraph, as a quote continued into the
/// next paragraph does in wire style.
/// </remarks>
public static class QuoteSplitter
{
    /// <summary>Sets <paramref name="quoted"/>[i] for every character of <paramref name="text"/> inside quotation marks (marks included).</summary>
    public static void Mark(ReadOnlySpan<char> text, Span<bool> quoted)
    {
        if (quoted.Length < text.Length) throw new ArgumentException("the mask must be as long as the text", nameof(quoted));
        bool inDouble = false, inSingle = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool wasQuoted = inDouble || inSingle;
            if (IsDouble(c))
            {
                if (inDouble) inSingle = false;
                inDouble = !inDouble;
            }
            else if (IsSingle(c))
            {
                bool before = i > 0 && char.IsLetterOrDigit(text[i - 1]);
                bool after = i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
                if (before && after) { quoted[i] = wasQuoted; continue; } // an apostrophe
                if (inSingle && (before || !after)) inSingle = false;
                else if (!inSingle && after && !before) inSingle = true;
            }
            quoted[i] = wasQuoted || inDouble || inSingle;
        }
    }

    /// <summary>The text cut into alternating narrator and quoted segments, in order; concatenated they are the text.</summary>
    public static IReadOnlyList<QuoteSegment> Split(string text)
    {
        var mask = new bool[text.Length];
        Mark(text, mask);
        var segments = new List<QuoteSegment>();
        int start = 0;
        for (int i = 1; i <= text.Length; i++)
            if (i == text.Length || mask[i] != mask[start])
            {
                segments.Add(new QuoteSegment(text[start..i], mask[start]));
                start = i;
            }
        return segments;
    }

    private static bool IsDouble(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' or '\uFF02';

    private static bool IsSingle(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2039' or '\u203A' or '\uFF07';
}
