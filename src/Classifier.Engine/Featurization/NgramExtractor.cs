using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Classifier.Text.Framing;
using Classifier.Text.Normalization;

namespace Classifier.Engine.Featurization;

/// <summary>
/// Normalises and tokenises a text and enumerates its word and character n-grams as 64-bit hashes. Word n-grams hash
/// token by token; character n-grams run over the tokens joined by single spaces, padded with a space at each end so
/// that word starts and ends are visible (as fastText's "&lt;" and "&gt;"). With <see cref="FeaturizerOptions.VoiceNgrams"/>,
/// the word n-grams are emitted once more, salted by voice (inside quotation marks or the narrator's, see
/// <see cref="QuoteSplitter"/>) and never spanning a change of voice, so "separatist" quoted and "separatist" narrated
/// are different features.
/// </summary>
public static class NgramExtractor
{
    private const ulong WordSalt = 0x5745_4F52_4453_0001, CharSalt = 0x4348_4152_5300_0002;
    private const ulong NarratorSalt = 0x4E41_5252_4154_0003, QuoteSalt = 0x5155_4F54_4500_0004;
    private const ulong Golden = 0x9E37_79B9_7F4A_7C15, FnvPrime = 0x0000_0100_0000_01B3;

    public static NgramList Extract(string text, FeaturizerOptions options)
    {
        var buffer = new ulong[64];
        int count = ExtractInto(text, options, ref buffer, out int charStart, out int voiceStart);
        return new NgramList(buffer.AsSpan(0, count).ToArray(), charStart, voiceStart);
    }

    /// <inheritdoc cref="ExtractInto(string, FeaturizerOptions, ref ulong[], out int, out int)"/>
    public static int ExtractInto(string text, FeaturizerOptions options, ref ulong[] buffer, out int charStart) =>
        ExtractInto(text, options, ref buffer, out charStart, out _);

    /// <summary>
    /// Writes the n-gram hashes of <paramref name="text"/> into <paramref name="buffer"/> (grown when too small) and
    /// returns how many there are; word n-grams come first, character n-grams from <paramref name="charStart"/> on,
    /// voice-salted word n-grams from <paramref name="voiceStart"/> on.
    /// The hot path of featurization: callers reuse one buffer per thread, so nothing is allocated per n-gram.
    /// </summary>
    public static int ExtractInto(string text, FeaturizerOptions options, ref ulong[] buffer, out int charStart, out int voiceStart)
    {
        var tokens = _tokens ??= new Tokens();
        tokens.Tokenize(text, options.VoiceNgrams);
        return ExtractInto(tokens.View, options, ref buffer, out charStart, out voiceStart);
    }

    [ThreadStatic] private static Tokens? _tokens;

    // Every token hash is written before it is read: the stackalloc need not be zeroed first.
    [SkipLocalsInit]
    private static int ExtractInto(in TokenView tokens, FeaturizerOptions options, ref ulong[] buffer, out int charStart, out int voiceStart)
    {
        int wordMax = options.WordNgrams, charMin = options.CharNgramMin, charMax = options.CharNgramMax;
        var padded = tokens.Padded;
        int tokenCount = tokens.Starts.Length;
        int upper = tokenCount * wordMax * (options.VoiceNgrams ? 2 : 1) + (charMin > 0 ? padded.Length * (charMax - charMin + 1) : 0);
        if (buffer.Length < upper) buffer = new ulong[Math.Max(upper, buffer.Length * 2)];
        var hashes = buffer.AsSpan();
        Span<ulong> tokenHashes = tokenCount <= 256 ? stackalloc ulong[tokenCount] : new ulong[tokenCount];
        for (int t = 0; t < tokenCount; t++) tokenHashes[t] = Fnv(padded.Slice(tokens.Starts[t], tokens.Lengths[t]));
        int count = WordNgrams(tokenHashes, wordMax, hashes);
        charStart = count;
        if (charMin > 0) count += CharNgrams(padded, charMin, charMax, hashes[count..]);
        voiceStart = count;
        if (options.VoiceNgrams && tokens.HasVoices) count += VoiceNgrams(tokenHashes, tokens.Quoted, wordMax, hashes[count..]);
        return count;
    }

    private static int WordNgrams(ReadOnlySpan<ulong> tokenHashes, int wordMax, Span<ulong> hashes)
    {
        int count = 0;
        for (int t = 0; t < tokenHashes.Length; t++)
        {
            ulong h = WordSalt;
            int last = Math.Min(wordMax, tokenHashes.Length - t);
            for (int n = 0; n < last; n++)
            {
                h = Mix(h * Golden + tokenHashes[t + n]);
                hashes[count++] = h;
            }
        }
        return count;
    }

    // FNV-1a cannot drop its first character, so each start extends its own prefix hash: charMax steps per start,
    // every n-gram length of that start read off the same running hash.
    private static int CharNgrams(ReadOnlySpan<char> padded, int charMin, int charMax, Span<ulong> hashes)
    {
        int count = 0, i = 0;
        if (Vector512.IsHardwareAccelerated && Avx512DQ.IsSupported) count = CharNgramsAvx512(padded, charMin, charMax, hashes, out i);
        for (; i + charMin <= padded.Length; i++)
        {
            ulong h = CharSalt;
            int last = Math.Min(charMax, padded.Length - i);
            var window = padded.Slice(i, last);
            for (int n = 0; n < charMin - 1; n++) h = (h ^ window[n]) * FnvPrime;
            for (int n = charMin - 1; n < window.Length; n++)
            {
                h = (h ^ window[n]) * FnvPrime;
                hashes[count++] = Mix(h);
            }
        }
        return count;
    }

    /// <summary>
    /// The same hashes as the scalar loop for eight starts at a time (64-bit lanes: the same products and shifts, so
    /// the same bits), as long as all eight windows are full; returns the count written and, in <paramref name="next"/>,
    /// the first start left to the scalar loop.
    /// </summary>
    [SkipLocalsInit]
    private static int CharNgramsAvx512(ReadOnlySpan<char> padded, int charMin, int charMax, Span<ulong> hashes, out int next)
    {
        const int Lanes = 8;
        int perStart = charMax - charMin + 1, count = 0, i = 0;
        // One vector per n-gram length, stored and then written out start by start, the scalar loop's order.
        Span<ulong> lengths = stackalloc ulong[8 * Lanes];
        ref ushort chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(padded));
        var salt = Vector512.Create(CharSalt);
        var prime = Vector512.Create(FnvPrime);
        // The last block's highest lane reads up to i + 7 + charMax - 1, which must be inside the text.
        for (; i + Lanes - 1 + charMax <= padded.Length; i += Lanes)
        {
            var h = salt;
            for (int n = 0; n < charMax; n++)
            {
                var c = Avx512F.ConvertToVector512UInt64(Vector128.LoadUnsafe(ref chars, (nuint)(i + n)));
                h = (h ^ c) * prime;
                if (n >= charMin - 1) Mix(h).CopyTo(lengths[((n - charMin + 1) * Lanes)..]);
            }
            var block = hashes.Slice(count, Lanes * perStart);
            for (int lane = 0; lane < Lanes; lane++)
                for (int k = 0; k < perStart; k++)
                    block[lane * perStart + k] = lengths[k * Lanes + lane];
            count += Lanes * perStart;
        }
        next = i;
        return count;
    }

    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ (z >>> 30)) * Vector512.Create(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >>> 27)) * Vector512.Create(0x94D0_49BB_1331_11EB);
        return z ^ (z >>> 31);
    }

    private static int VoiceNgrams(ReadOnlySpan<ulong> tokenHashes, ReadOnlySpan<bool> quoted, int wordMax, Span<ulong> hashes)
    {
        int count = 0;
        for (int t = 0; t < tokenHashes.Length; t++)
        {
            ulong h = quoted[t] ? QuoteSalt : NarratorSalt;
            for (int n = 0; n < wordMax && t + n < tokenHashes.Length && quoted[t + n] == quoted[t]; n++)
            {
                h = Mix(h * Golden + tokenHashes[t + n]);
                hashes[count++] = h;
            }
        }
        return count;
    }

    /// <summary>
    /// <see cref="Extract"/>'s hashes with each n-gram's text beside it (index for index), from one pass over the text,
    /// so a caller that predicts and explains does not extract twice.
    /// </summary>
    public static (NgramList Ngrams, string[] Texts) ExtractWithTexts(string text, FeaturizerOptions options)
    {
        var hashes = new List<ulong>();
        var texts = new List<string>();
        int words = 0, chars = 0;
        foreach (var (hash, term, kind) in Enumerate(text, options))
        {
            hashes.Add(hash);
            texts.Add(term);
            if (kind == TermKind.Word) words++;
            else if (kind == TermKind.Char) chars++;
        }
        return (new NgramList([.. hashes], words, words + chars), [.. texts]);
    }

    /// <summary>The same n-grams as <see cref="Extract"/>, in the same order, with their text (for explanations).</summary>
    public static IEnumerable<(ulong Hash, string Text, TermKind Kind)> Enumerate(string text, FeaturizerOptions options)
    {
        // Hashes and texts come from one normalisation and tokenisation, so featurizing with terms is one pass over the text.
        var tokens = new Tokens();
        tokens.Tokenize(text, options.VoiceNgrams);
        var padded = tokens.View.Padded.ToString();
        var tokenStarts = tokens.View.Starts.ToArray();
        int tokenCount = tokenStarts.Length;
        var tokenQuoted = options.VoiceNgrams ? tokens.View.Quoted.ToArray() : null;
        var buffer = new ulong[64];
        int count = ExtractInto(tokens.View, options, ref buffer, out int charStart, out int voiceStart);
        var list = new NgramList(buffer.AsSpan(0, count).ToArray(), charStart, voiceStart);
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
        if (tokenQuoted is not null)
            for (int t = 0; t < tokenCount; t++)
                for (int n = 0; n < options.WordNgrams && t + n < tokenCount && tokenQuoted[t + n] == tokenQuoted[t]; n++)
                {
                    int end = tokenStarts[t + n] + TokenLength(padded, tokenStarts[t + n]);
                    yield return (list.Hashes[k++], (tokenQuoted[t] ? "quote:" : "narrator:") + padded[tokenStarts[t]..end], TermKind.Voice);
                }
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
