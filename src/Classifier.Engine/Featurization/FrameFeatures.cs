using System.Text;
using System.Text.Json;
using Classifier.Text.Diagnostics;
using Classifier.Text.Framing;
using Classifier.Text.Normalization;

namespace Classifier.Engine.Featurization;

/// <summary>
/// The frame block: the text with each phrase of a frame lexicon (the format of data/frames.json) replaced by its
/// class ("@kosovo", "@urge", …), and the n-grams that involve a class hashed into a block of their own. Bag-of-words
/// features see "EU urged Kurti" and "EU urged Vučić" as unrelated; the codebook's stance turns on who speaks, who is
/// blamed or supported and whether anyone answers, so "@third @urge @kosovo" is what should carry the weight.
/// </summary>
/// <remarks>
/// Per sentence it emits: each class (also marked by voice, quoted or narrator); the word bigrams and trigrams that
/// contain a class ("urged @kosovo"); and the sequence of classes alone, as consecutive pairs and triples
/// ("@serbia>@accuse>@kosovo"), which spans the words in between. Values are 1 + ln(count), the block scaled to unit
/// length like the others.
/// </remarks>
public sealed class FrameFeatures
{
    /// <summary>Bits of the block: 2^16 buckets keep collisions rare for the few thousand frame terms a corpus has.</summary>
    public const int Bits = 16;

    public const int Size = 1 << Bits;

    // First token → the phrases that start with it, longest first; a first token ending in '*' matches by prefix.
    private readonly Dictionary<string, Phrase[]> _exact;
    private readonly (string Prefix, Phrase[] Phrases)[] _prefixed;

    private sealed record Phrase(string[] Tokens, string Class);

    public FrameFeatures(string json, string source = "the frame lexicon")
    {
        var phrases = Parse(json, source);
        _exact = [];
        var prefixed = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        var exact = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        foreach (var p in phrases)
        {
            var first = p.Tokens[0];
            var map = first.EndsWith('*') ? prefixed : exact;
            var key = first.TrimEnd('*');
            if (!map.TryGetValue(key, out var list)) map[key] = list = [];
            list.Add(p);
        }
        foreach (var (k, list) in exact) _exact[k] = [.. list.OrderByDescending(p => p.Tokens.Length)];
        _prefixed = [.. prefixed.Select(kv => (kv.Key, kv.Value.OrderByDescending(p => p.Tokens.Length).ToArray()))];
        Classes = [.. phrases.Select(p => p.Class).Distinct()];
    }

    /// <summary>The lexicon's class names, in file order.</summary>
    public IReadOnlyList<string> Classes { get; }

    private const string Hint = "the format is {\"classes\": {\"@name\": [\"phrase\", \"prefix*\"], …}}, as in data/frames.json";

    /// <summary>Reads and checks a frame lexicon file, returning its text (errors name the file).</summary>
    public static string Load(string path)
    {
        Classifier.Text.IO.FileKind.RequireFile(path);
        string json;
        try { json = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read the frame lexicon: {ex.Message}", path, hint: "check the --frame-features path");
        }
        _ = new FrameFeatures(json, path);
        return json;
    }

    /// <summary>Checks a lexicon and returns its phrases; errors name the source, the class and the phrase.</summary>
    private static List<Phrase> Parse(string json, string source)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException ex) { throw new InputException($"the frame lexicon is not valid JSON: {ex.Message}", source, ex.LineNumber + 1, (int?)ex.BytePositionInLine + 1, "see data/frames.json for the format"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("classes", out var classes) || classes.ValueKind != JsonValueKind.Object)
                throw new InputException("expected an object with \"classes\"", source, hint: Hint);
            var phrases = new List<Phrase>();
            foreach (var cls in classes.EnumerateObject())
            {
                if (!cls.Name.StartsWith('@') || cls.Name.Length < 2 || cls.Name.Any(char.IsWhiteSpace))
                    throw new InputException($"class name '{cls.Name}' must start with '@' and have no spaces", source, hint: Hint);
                if (cls.Value.ValueKind != JsonValueKind.Array)
                    throw new InputException($"class '{cls.Name}' must be a list of phrases", source, hint: Hint);
                foreach (var item in cls.Value.EnumerateArray())
                {
                    var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new InputException($"class '{cls.Name}' has a phrase that is not a string", source, hint: Hint);
                    var tokens = Tokenize(TextNormalizer.Normalize(text).Replace("*", "\u0001"));
                    if (tokens.Count == 0) throw new InputException($"class '{cls.Name}' has an empty phrase '{text}'", source, hint: Hint);
                    for (int i = 0; i < tokens.Count; i++)
                    {
                        int star = tokens[i].IndexOf('\u0001');
                        if (star >= 0 && (star != tokens[i].Length - 1 || tokens[i].Length == 1))
                            throw new InputException($"in '{text}' of class '{cls.Name}', '*' may only end a word", source, hint: Hint);
                        tokens[i] = tokens[i].Replace('\u0001', '*');
                    }
                    phrases.Add(new Phrase([.. tokens], cls.Name));
                }
            }
            if (phrases.Count == 0) throw new InputException("no phrases in \"classes\"", source, hint: Hint);
            return phrases;
        }
    }

    /// <summary>Tokens as the featurizer sees them (runs of letters and digits); '\u0001' stands in for a '*' being parsed.</summary>
    private static List<string> Tokenize(string normalized)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (char c in normalized)
        {
            if (char.IsLetterOrDigit(c) || c == '\u0001') sb.Append(c);
            else if (sb.Length > 0) { tokens.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) tokens.Add(sb.ToString());
        return tokens;
    }

    /// <summary>The block's values for <paramref name="text"/>: indices relative to the block, ascending, unit length.</summary>
    public (int[] Indices, float[] Values) Compute(string text)
    {
        var counts = new Dictionary<int, int>();
        foreach (var term in Terms(text))
        {
            int bucket = Bucket(term);
            counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
        }
        var indices = counts.Keys.ToArray();
        Array.Sort(indices);
        var values = new float[indices.Length];
        double sum = 0;
        for (int i = 0; i < indices.Length; i++)
        {
            values[i] = 1f + MathF.Log(counts[indices[i]]);
            sum += values[i] * values[i];
        }
        float scale = sum > 0 ? (float)(1 / Math.Sqrt(sum)) : 0f;
        for (int i = 0; i < values.Length; i++) values[i] *= scale;
        return (indices, values);
    }

    /// <summary>The block index of a frame term (stable across runs and machines: FNV-1a, not string.GetHashCode).</summary>
    public static int Bucket(string term)
    {
        ulong h = 0xCBF2_9CE4_8422_2325;
        foreach (char c in term) h = (h ^ c) * 0x0000_0100_0000_01B3;
        h ^= h >> 29;
        return (int)(h & (Size - 1));
    }

    /// <summary>Every frame term of <paramref name="text"/>, repeats included (for explanations and for <see cref="Compute"/>).</summary>
    public IEnumerable<string> Terms(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var quoted = new bool[normalized.Length];
        QuoteSplitter.Mark(normalized, quoted);
        foreach (var sentence in Sentences(normalized, quoted))
            foreach (var term in SentenceTerms(sentence))
                yield return term;
    }

    private readonly record struct Unit(string Text, bool IsClass, bool Quoted);

    /// <summary>Each sentence's tokens with the lexicon's phrases replaced by their class (longest match first).</summary>
    private IEnumerable<List<Unit>> Sentences(string normalized, bool[] quoted)
    {
        var tokens = new List<(string Text, bool Quoted, bool EndsSentence)>();
        int i = 0;
        while (i < normalized.Length)
        {
            if (!char.IsLetterOrDigit(normalized[i]))
            {
                if (IsSentenceEnd(normalized, i) && tokens.Count > 0) tokens[^1] = tokens[^1] with { EndsSentence = true };
                i++;
                continue;
            }
            int start = i;
            while (i < normalized.Length && char.IsLetterOrDigit(normalized[i])) i++;
            tokens.Add((normalized[start..i], quoted[start], false));
        }
        var units = new List<Unit>();
        for (int t = 0; t < tokens.Count;)
        {
            var (cls, length) = Match(tokens, t);
            bool ends = false;
            for (int k = t; k < t + length; k++) ends |= tokens[k].EndsSentence;
            units.Add(cls is null ? new Unit(tokens[t].Text, false, tokens[t].Quoted) : new Unit(cls, true, tokens[t].Quoted));
            t += length;
            if (ends || t == tokens.Count)
            {
                yield return units;
                units = [];
            }
        }
    }

    // A full stop after a single letter ("u.s.", "j. smith") is an abbreviation, not the end of a sentence.
    private static bool IsSentenceEnd(string s, int i)
    {
        char c = s[i];
        if (c is '!' or '?' or ';') return true;
        if (c != '.') return false;
        if (i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1])) return false;
        return !(i >= 1 && char.IsLetter(s[i - 1]) && (i == 1 || !char.IsLetterOrDigit(s[i - 2])));
    }

    private (string? Class, int Length) Match(List<(string Text, bool Quoted, bool EndsSentence)> tokens, int t)
    {
        string? best = null;
        int bestLength = 1;
        if (_exact.TryGetValue(tokens[t].Text, out var phrases)) Consider(phrases);
        foreach (var (prefix, list) in _prefixed)
            if (tokens[t].Text.StartsWith(prefix, StringComparison.Ordinal)) Consider(list);
        return (best, bestLength);

        void Consider(Phrase[] candidates)
        {
            foreach (var p in candidates)
            {
                if (p.Tokens.Length < bestLength || (best is not null && p.Tokens.Length == bestLength) || t + p.Tokens.Length > tokens.Count) continue;
                bool all = true;
                for (int k = 0; k < p.Tokens.Length && all; k++) all = Matches(p.Tokens[k], tokens[t + k].Text);
                if (all) { best = p.Class; bestLength = p.Tokens.Length; }
            }
        }
    }

    private static bool Matches(string pattern, string token) =>
        pattern.EndsWith('*') ? token.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal) : pattern == token;

    private static IEnumerable<string> SentenceTerms(List<Unit> units)
    {
        var classes = new List<string>();
        for (int i = 0; i < units.Count; i++)
        {
            var u = units[i];
            if (u.IsClass)
            {
                yield return u.Text;
                yield return (u.Quoted ? "quote:" : "narrator:") + u.Text;
                if (classes.Count == 0 || classes[^1] != u.Text) classes.Add(u.Text);
            }
            if (i + 1 < units.Count && (u.IsClass || units[i + 1].IsClass))
                yield return u.Text + " " + units[i + 1].Text;
            if (i + 2 < units.Count && (u.IsClass || units[i + 1].IsClass || units[i + 2].IsClass))
                yield return u.Text + " " + units[i + 1].Text + " " + units[i + 2].Text;
        }
        for (int i = 0; i + 1 < classes.Count; i++)
        {
            yield return classes[i] + ">" + classes[i + 1];
            if (i + 2 < classes.Count) yield return classes[i] + ">" + classes[i + 1] + ">" + classes[i + 2];
        }
    }
}
