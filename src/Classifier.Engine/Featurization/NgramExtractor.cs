using Classifier.Text.Normalization;

namespace Classifier.Engine.Featurization;

/// <summary>
/// Normalises and tokenises a text and enumerates its word and character n-grams as 64-bit hashes. Word n-grams hash
/// token by token; character n-grams run over the tokens joined by single spaces, padded with a space at each end so
/// that word starts and ends are visible (as fastText's "&lt;" and "&gt;").
/// </summary>
public static class NgramExtractor
{
    private const ulong WordSalt = 0x5745_4F52_4453_0001, CharSalt = 0x4348_4152_5300_0002;
    private const ulong Golden = 0x9E37_79B9_7F4A_7C15, FnvPrime = 0x0000_0100_0000_01B3;

    public static NgramList Extract(string text, FeaturizerOptions options)
    {
        var buffer = new ulong[64];
        int count = ExtractInto(text, options, ref buffer, out int charStart);
        return new NgramList(buffer.AsSpan(0, count).ToArray(), charStart);
    }

    /// <summary>
    /// Writes the n-gram hashes of <paramref name="text"/> into <paramref name="buffer"/> (grown when too small) and
    /// returns how many there are; word n-grams come first, character n-grams from <paramref name="charStart"/> on.
    /// The hot path of featurization: callers reuse one buffer per thread, so nothing is allocated per n-gram.
    /// </summary>
    public static int ExtractInto(string text, FeaturizerOptions options, ref ulong[] buffer, out int charStart)
    {
        var padded = PaddedTokens(text, out var tokenStarts, out var tokenCount);
        int wordMax = options.WordNgrams, charMin = options.CharNgramMin, charMax = options.CharNgramMax;
        int upper = tokenCount * wordMax + (charMin > 0 ? padded.Length * (charMax - charMin + 1) : 0);
        if (buffer.Length < upper) buffer = new ulong[Math.Max(upper, buffer.Length * 2)];
        var hashes = buffer.AsSpan();
        int count = 0;
        Span<ulong> tokenHashes = tokenCount <= 256 ? stackalloc ulong[tokenCount] : new ulong[tokenCount];
        for (int t = 0; t < tokenCount; t++)
            tokenHashes[t] = Fnv(padded.AsSpan(tokenStarts[t], TokenLength(padded, tokenStarts[t])));
        for (int t = 0; t < tokenCount; t++)
        {
            ulong h = WordSalt;
            for (int n = 0; n < wordMax && t + n < tokenCount; n++)
            {
                h = Mix(h * Golden + tokenHashes[t + n]);
                hashes[count++] = h;
            }
        }
        charStart = count;
        if (charMin > 0)
            for (int i = 0; i + charMin <= padded.Length; i++)
            {
                ulong h = CharSalt;
                for (int n = 1; n <= charMax && i + n <= padded.Length; n++)
                {
                    h = (h ^ padded[i + n - 1]) * FnvPrime;
                    if (n >= charMin) hashes[count++] = Mix(h);
                }
            }
        return count;
    }

    /// <summary>The same n-grams as <see cref="Extract"/>, in the same order, with their text (for explanations).</summary>
    public static IEnumerable<(ulong Hash, string Text, TermKind Kind)> Enumerate(string text, FeaturizerOptions options)
    {
        var list = Extract(text, options);
        var padded = PaddedTokens(text, out var tokenStarts, out var tokenCount);
        int k = 0;
        for (int t = 0; t < tokenCount; t++)
            for (int n = 0; n < options.WordNgrams && t + n < tokenCount; n++)
            {
                int end = tokenStarts[t + n] + TokenLength(padded, tokenStarts[t + n]);
                yield return (list.Hashes[k++], padded[tokenStarts[t]..end], TermKind.Word);
            }
        if (options.CharNgramMin > 0)
            for (int i = 0; i + options.CharNgramMin <= padded.Length; i++)
                for (int n = options.CharNgramMin; n <= options.CharNgramMax && i + n <= padded.Length; n++)
                    yield return (list.Hashes[k++], padded.Substring(i, n).Replace(' ', '_'), TermKind.Char);
    }

    /// <summary>" tok1 tok2 … " over the normalised text; tokens are maximal runs of letters and digits.</summary>
    private static string PaddedTokens(string text, out int[] tokenStarts, out int tokenCount)
    {
        var normalized = TextNormalizer.Normalize(text);
        var buffer = new char[normalized.Length + 2];
        var starts = new List<int>();
        int length = 0;
        buffer[length++] = ' ';
        bool inToken = false;
        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inToken) { starts.Add(length); inToken = true; }
                buffer[length++] = c;
            }
            else if (inToken)
            {
                buffer[length++] = ' ';
                inToken = false;
            }
        }
        if (inToken) buffer[length++] = ' ';
        tokenStarts = [.. starts];
        tokenCount = starts.Count;
        return tokenCount == 0 ? "" : new string(buffer, 0, length);
    }

    private static int TokenLength(string padded, int start)
    {
        int end = start;
        while (end < padded.Length && padded[end] != ' ') end++;
        return end - start;
    }

    private static ulong Fnv(ReadOnlySpan<char> s)
    {
        ulong h = 0xCBF2_9CE4_8422_2325;
        foreach (var c in s) h = (h ^ c) * FnvPrime;
        return h;
    }

    /// <summary>A 64-bit finaliser (splitmix64's): every input bit affects every output bit.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return z ^ (z >> 31);
    }
}
