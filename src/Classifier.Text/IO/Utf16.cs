using System.Globalization;
using System.Text;

namespace Classifier.Text.IO;

/// <summary>
/// Recognises UTF-16 without a BOM in any script. Counting zero bytes only works for Latin text; instead each byte order
/// decodes the sample and the one that gives text wins: line breaks and spaces where UTF-16 puts them, no NUL, no
/// unassigned, private-use or broken-surrogate characters, hardly any control characters.
/// </summary>
internal static class Utf16
{
    private const double MinTextShare = 0.95;

    /// <summary>Whether <paramref name="sample"/> (the start of a file that holds zero bytes) reads as UTF-16 text, and in which byte order.</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> sample, out bool bigEndian)
    {
        bigEndian = false;
        var even = sample[..(sample.Length & ~1)];
        if (even.Length < 16) return false;
        var little = Score(Decode(even, bigEndian: false));
        var big = Score(Decode(even, bigEndian: true));
        // Real text has line breaks or spaces; read in the wrong byte order they become rare or unassigned characters.
        bigEndian = big.Breaks > little.Breaks || (big.Breaks == little.Breaks && big.TextShare > little.TextShare);
        var best = bigEndian ? big : little;
        return best.TextShare >= MinTextShare;
    }

    private static string Decode(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        new UnicodeEncoding(bigEndian, false, false).GetString(bytes);

    private static (double TextShare, int Breaks) Score(string text)
    {
        int bad = 0, breaks = 0;
        // The sample may end halfway through a surrogate pair; that last character does not count against it.
        int length = text.Length > 0 && text[^1] == '\uFFFD' ? text.Length - 1 : text.Length;
        for (int i = 0; i < length; i++)
        {
            char c = text[i];
            if (c is '\n' or '\r' or ' ') { breaks++; continue; }
            if (c is '\t' or '\f') continue;
            if (c == '\0' || c == '\uFFFD') return (0, 0);
            var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
            if (category is UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate)
                bad++;
            else if (char.IsHighSurrogate(c))
                i++;
        }
        return (length == 0 ? 0 : 1 - (double)bad / length, breaks);
    }
}
