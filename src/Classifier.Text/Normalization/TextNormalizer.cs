using System.Globalization;

namespace Classifier.Text.Normalization;

/// <summary>
/// The matching form of a text, separate from its display form: typographic quotes and dashes unified, whitespace
/// collapsed, Serbian Cyrillic transliterated to Latin and diacritics folded, so that "Vučić", "Vucic" and "Вучић"
/// all become "vucic". Used by the featurizer and the drop rules; display text is never changed.
/// </summary>
/// <remarks>
/// The projects run with InvariantGlobalization, where <see cref="string.Normalize()"/> leaves non-ASCII text unchanged,
/// so diacritics are folded with the table below (Latin-1, Latin Extended-A and the Romanian/Azeri letters of
/// Extended-B) rather than by Unicode decomposition. Combining marks in already-decomposed text are dropped.
/// </remarks>
public static class TextNormalizer
{
    /// <summary>Normalises <paramref name="text"/>; lower-cases it (invariant culture) when <paramref name="lowerCase"/> is set.</summary>
    public static string Normalize(string text, bool lowerCase = true)
    {
        char[]? rented = null;
        int capacity = MaxNormalizedLength(text.Length);
        Span<char> buffer = capacity <= 1024 ? stackalloc char[capacity] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(capacity));
        int length = NormalizeInto(text, buffer, lowerCase);
        var result = new string(buffer[..length]);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>The most characters <see cref="NormalizeInto"/> writes for a text of <paramref name="length"/> characters.</summary>
    /// <remarks>One character becomes at most three ("…" → "...").</remarks>
    public static int MaxNormalizedLength(int length) => 3 * length;

    /// <summary>
    /// <see cref="Normalize(string, bool)"/> into <paramref name="destination"/> (at least
    /// <see cref="MaxNormalizedLength"/> long), returning the length written: the featurizer's hot path allocates nothing.
    /// </summary>
    public static int NormalizeInto(ReadOnlySpan<char> text, Span<char> destination, bool lowerCase = true)
    {
        int length = 0;
        bool pendingSpace = false;
        for (int i = 0; i < text.Length; i++)
        {
            char raw = text[i];
            // ASCII holds no marks and no format characters, so most of a news text skips the category lookup.
            if (raw < 0x80 && !char.IsWhiteSpace(raw))
            {
                if (pendingSpace) { destination[length++] = ' '; pendingSpace = false; }
                // Invariant lower-casing maps only A-Z within ASCII; the test inline saves a call per character.
                char lower = lowerCase && (uint)(raw - 'A') <= 'Z' - 'A' ? (char)(raw | 0x20) : raw;
                destination[length++] = lower == '`' ? '\'' : lower;
                continue;
            }
            if (char.IsSurrogate(raw))
            {
                // Pairs (emoji, rare scripts) pass through; a lone half is broken text and becomes U+FFFD.
                if (char.IsHighSurrogate(raw) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    if (pendingSpace) { destination[length++] = ' '; pendingSpace = false; }
                    destination[length++] = raw;
                    destination[length++] = text[++i];
                    continue;
                }
                raw = '\uFFFD';
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(raw);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) continue;
            if (char.IsWhiteSpace(raw) || raw == '\u200B' || raw == '\uFEFF')
            {
                pendingSpace = length > 0;
                continue;
            }
            // Soft hyphens and zero-width joiners sit inside words in scraped text ("Priš\u00ADtina"); they are not breaks.
            if (category == UnicodeCategory.Format) continue;
            if (pendingSpace) { destination[length++] = ' '; pendingSpace = false; }
            var c = lowerCase ? char.ToLowerInvariant(raw) : raw;
            if (c < 0x80) { destination[length++] = c == '`' ? '\'' : c; continue; }
            var mapped = Map(c);
            if (mapped is null) destination[length++] = c;
            else
            {
                mapped.CopyTo(destination[length..]);
                length += mapped.Length;
            }
        }
        return length;
    }

    /// <summary>The replacement of one character, or null to keep it.</summary>
    private static string? Map(char c)
    {
        switch (c)
        {
            case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' or '\u02BC' or '\u2039' or '\u203A' or '\uFF07': return "'";
            case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' or '\uFF02': return "\"";
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u2043' or '\uFE58' or '\uFE63' or '\uFF0D': return "-";
            case '\u2026': return "...";
            case '\u0218': return "S";
            case '\u0219': return "s";
            case '\u021A': return "T";
            case '\u021B': return "t";
            case '\u018F': return "E";
            case '\u0259': return "e";
        }
        if (c is >= '\u00C0' and <= '\u017F') return LatinFold[c - '\u00C0'];
        if (c is >= '\u0400' and <= '\u04FF') return Cyrillic(c);
        return null;
    }

    // Base letters of U+00C0..U+017F, one entry per code point; null keeps the character (× and ÷).
    // đ/Đ become dj/Dj, as Serbian Latin spells them without diacritics.
    private static readonly string?[] LatinFold = BuildLatinFold();

    private static string?[] BuildLatinFold()
    {
        string[] rows =
        [
            // U+00C0..U+00FF
            "A A A A A A AE C E E E E I I I I D N O O O O O - O U U U U Y Th ss",
            "a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th y",
            // U+0100..U+017F
            "A a A a A a C c C c C c C c D d Dj dj E e E e E e E e E e G g G g",
            "G g G g H h H h I i I i I i I i I i IJ ij J j K k k L l L l L l L",
            "l L l N n N n N n n N n O o O o O o OE oe R r R r R r S s S s S s",
            "S s T t T t T t U u U u U u U u U u U u W w Y y Y Z z Z z Z z s",
        ];
        var table = new string?[0x180 - 0xC0];
        int at = 0;
        foreach (var row in rows)
            foreach (var item in row.Split(' '))
                table[at++] = item == "-" ? null : item;
        if (at != table.Length) throw new InvalidOperationException($"Latin fold table has {at} entries, expected {table.Length}");
        return table;
    }

    // Serbian Cyrillic to Latin (Vuk's alphabet to Gaj's), with the Latin diacritics already folded: ч, ћ → c; ђ → dj.
    // Russian, Macedonian and Ukrainian letters that Serbian lacks get their usual romanisation.
    private const string Lower = "абвгдђежзијклљмнњопрстћуфхцчџшыэюяйщъьёѓќѕіїєґў";
    private static readonly string[] LowerLatin =
    [
        "a", "b", "v", "g", "d", "dj", "e", "z", "z", "i", "j", "k", "l", "lj", "m", "n", "nj", "o", "p", "r", "s", "t",
        "c", "u", "f", "h", "c", "c", "dz", "s", "y", "e", "ju", "ja", "j", "sc", "", "", "e", "gj", "kj", "dz", "i", "ji", "je", "g", "u",
    ];

    private static string? Cyrillic(char c)
    {
        var lower = char.ToLowerInvariant(c);
        int i = Lower.IndexOf(lower);
        if (i < 0) return null;
        var latin = LowerLatin[i];
        if (c == lower || latin.Length == 0) return latin;
        return char.ToUpperInvariant(latin[0]) + latin[1..];
    }
}
