using System.Globalization;
using System.Text;

namespace Classifier.Text.Normalization;

/// <summary>
/// The matching form of a text, separate from its display form: typographic quotes and dashes unified, whitespace
/// collapsed, Serbian Cyrillic transliterated to Latin and diacritics folded, so that "Vučić", "Vucic" and "Вучић"
/// all become "vucic". Used by the featurizer and the labelling rules; display text is never changed.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Normalises <paramref name="text"/>; lower-cases it (invariant culture) when <paramref name="lowerCase"/> is set.</summary>
    public static string Normalize(string text, bool lowerCase = true)
    {
        var sb = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (var raw in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(raw) || raw == '\u200B' || raw == '\uFEFF')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            var c = lowerCase ? char.ToLowerInvariant(raw) : raw;
            var mapped = Map(c);
            if (mapped is null) sb.Append(c);
            else sb.Append(mapped);
        }
        return sb.ToString();
    }

    /// <summary>The replacement of one character, or null to keep it.</summary>
    private static string? Map(char c)
    {
        switch (c)
        {
            case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4': return "'";
            case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033': return "\"";
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212': return "-";
            case '\u2026': return "...";
            case 'đ': return "dj";
            case 'Đ': return "Dj";
            case 'ß': return "ss";
            case 'ł': return "l";
            case 'Ł': return "L";
            case 'ø': return "o";
            case 'Ø': return "O";
        }
        if (c is >= '\u0400' and <= '\u04FF') return Cyrillic(c);
        if (c is >= '\u00C0' and <= '\u024F')
        {
            int i = Accented.IndexOf(c);
            if (i >= 0) return Unaccented[i].ToString();
        }
        return null;
    }

    // The project runs with InvariantGlobalization, where string.Normalize(FormD) leaves precomposed letters as they
    // are, so "Vučić" would keep its diacritics. Precomposed Latin letters are therefore folded by this table
    // (Latin-1 Supplement and Latin Extended-A/B letters used in the region's languages); combining marks in already
    // decomposed text are still dropped above.
    private const string Accented =
        "ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆĈĊČçćĉċčĎďÈÉÊËĒĔĖĘĚèéêëēĕėęěĜĞĠĢĝğġģĤĦĥħÌÍÎÏĨĪĬĮİìíîïĩīĭįıĴĵĶķĹĻĽĿĺļľŀ" +
        "ÑŃŅŇñńņňÒÓÔÕÖŌŎŐòóôõöōŏőŔŖŘŕŗřŚŜŞŠśŝşšȘșŢŤŦţťŧȚțÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűųŴŵÝŶŸýÿŷŹŻŽźżž";
    private const string Unaccented =
        "AAAAAAAAAaaaaaaaaaCCCCCcccccDdEEEEEEEEEeeeeeeeeeGGGGggggHHhhIIIIIIIIIiiiiiiiiiJjKkLLLLllll" +
        "NNNNnnnnOOOOOOOOooooooooRRRrrrSSSSssssSsTTTtttTtUUUUUUUUUUuuuuuuuuuuWwYYYyyyZZZzzz";

    // Serbian Cyrillic to Latin (Vuk's alphabet to Gaj's), with the Latin diacritics already folded: ч, ћ → c; ђ → dj.
    private const string Lower = "абвгдђежзијклљмнњопрстћуфхцчџшыэюяйщъь";
    private static readonly string[] LowerLatin =
    [
        "a", "b", "v", "g", "d", "dj", "e", "z", "z", "i", "j", "k", "l", "lj", "m", "n", "nj", "o", "p", "r", "s", "t",
        "c", "u", "f", "h", "c", "c", "dz", "s", "y", "e", "ju", "ja", "j", "sc", "", "",
    ];

    private static string? Cyrillic(char c)
    {
        var lower = char.ToLowerInvariant(c);
        int i = Lower.IndexOf(lower);
        if (i < 0) return lower == 'ё' ? (c == lower ? "e" : "E") : null;
        var latin = LowerLatin[i];
        if (c == lower || latin.Length == 0) return latin;
        return char.ToUpperInvariant(latin[0]) + latin[1..];
    }
}
