using System.Text.Json;
using System.Text.RegularExpressions;
using Classifier.Text.Diagnostics;
using Classifier.Text.IO;
using Classifier.Text.Normalization;

namespace Classifier.Text.Ingestion;

/// <summary>
/// The rules that decide which lines of a page are not article prose. They live in a JSON data file
/// (the built-in one is Resources/drop-rules.json) that a user can read and extend: see <see cref="Load"/>.
/// </summary>
public sealed class DropRules
{
    private const string ResourceName = "Classifier.Text.Resources.drop-rules.json";
    // A second: a busy machine can stretch a sound pattern past 100 ms; a pathological one still stops promptly.
    private const int DefaultTimeoutMs = 1000;
    private static readonly Lazy<DropRules> BuiltIn = new(LoadBuiltIn);

    private DropRules(IReadOnlyList<DropRule> rules, string source)
    {
        Rules = rules;
        Source = source;
        var strip = new List<DropRule>();
        var drop = new List<DropRule>();
        StructuralRule? leaked = null;
        foreach (var r in rules)
        {
            if (r.Strips) strip.Add(r);
            else if (r is StructuralRule { Check: StructuralRule.UnrelatedHeadlineAtEnd } s) leaked ??= s;
            else drop.Add(r);
        }
        StripRules = strip;
        LineRules = drop;
        // Capped so that counting up to the limit + 1 cannot overflow.
        foreach (var r in drop) LineWordLimit = Math.Max(LineWordLimit, Math.Min(r.MaxWords ?? 0, int.MaxValue - 1));
        LeakedHeadline = leaked;
    }

    /// <summary>The built-in rules.</summary>
    public static DropRules Default => BuiltIn.Value;

    /// <summary>All rules in the order they are tried.</summary>
    public IReadOnlyList<DropRule> Rules { get; }

    /// <summary>Where the rules came from (a file name, or "built-in").</summary>
    public string Source { get; }

    internal IReadOnlyList<DropRule> StripRules { get; }
    internal IReadOnlyList<DropRule> LineRules { get; }

    /// <summary>The largest word limit among <see cref="LineRules"/> (0 when none has one).</summary>
    internal int LineWordLimit { get; }
    internal StructuralRule? LeakedHeadline { get; }

    /// <summary>The rules text shipped inside the library, for users who want to start a file of their own from it.</summary>
    public static string BuiltInJson()
    {
        using var stream = typeof(DropRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Reads a rules file. Its rules are added after those of <paramref name="baseRules"/> (the built-in rules unless given),
    /// a rule with the name of an existing one replaces it, and <c>"enabled": false</c> removes it. A file with
    /// <c>"extends": "none"</c> stands alone. Any mistake is an <see cref="InputException"/> naming the file and the rule.
    /// </summary>
    public static DropRules Load(string path, DropRules? baseRules = null) =>
        Parse(TextFileReader.ReadAll(path), path, baseRules ?? Default);

    /// <summary>Parses rules text; <paramref name="baseRules"/> null means the text stands alone.</summary>
    public static DropRules Parse(string json, string source, DropRules? baseRules)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InputException($"invalid JSON in the drop rules: {FirstSentence(ex.Message)}", source,
                ex.LineNumber is { } l ? l + 1 : null, ex.BytePositionInLine is { } b ? (int)b + 1 : null);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InputException("the drop rules file must hold a JSON object with a \"rules\" array", source);
            foreach (var p in root.EnumerateObject())
                if (p.Name is not ("rules" or "extends" or "description" or "$schema"))
                    throw new InputException($"unknown top-level property \"{p.Name}\" in the drop rules", source, hint: "expected rules, extends, description");
            var rules = new List<DropRule>();
            if (root.TryGetProperty("extends", out var ext))
            {
                var value = ext.ValueKind == JsonValueKind.String ? ext.GetString() : null;
                if (value is not ("default" or "none"))
                    throw new InputException("\"extends\" must be \"default\" or \"none\"", source);
                if (value == "none") baseRules = null;
            }
            if (baseRules is not null) rules.AddRange(baseRules.Rules);
            if (!root.TryGetProperty("rules", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new InputException("the drop rules file has no \"rules\" array", source);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int index = 0;
            foreach (var item in list.EnumerateArray())
            {
                index++;
                var (name, rule) = ParseRule(item, index, source);
                if (!seen.Add(name)) throw new InputException($"rule \"{name}\" appears twice", source);
                int existing = rules.FindIndex(r => r.Name == name);
                if (rule is null)
                {
                    if (existing < 0) throw new InputException($"rule \"{name}\" is disabled but no such rule exists", source, hint: "check the name against the built-in rules");
                    rules.RemoveAt(existing);
                }
                else if (existing >= 0) rules[existing] = rule;
                else rules.Add(rule);
            }
            return new DropRules(rules, source);
        }
    }

    /// <summary>The normalised form lines and phrases are compared in: <see cref="TextNormalizer"/>, then punctuation at either end removed.</summary>
    public static string Key(string text, bool trimPunctuation = true)
    {
        var norm = TextNormalizer.Normalize(text);
        if (!trimPunctuation) return norm;
        int start = 0, end = norm.Length;
        while (start < end && !char.IsLetterOrDigit(norm[start])) start++;
        while (end > start && !char.IsLetterOrDigit(norm[end - 1])) end--;
        return norm[start..end];
    }

    private static DropRules LoadBuiltIn() => Parse(BuiltInJson(), "built-in drop-rules.json", null);

    private static (string Name, DropRule? Rule) ParseRule(JsonElement e, int index, string source)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new InputException($"rule #{index} is not a JSON object", source);
        string label = $"rule #{index}";
        string name = String(e, "name", label, source) ?? throw Error(label, "has no \"name\"", source);
        label = $"rule \"{name}\"";
        if (name.Trim().Length == 0) throw Error($"rule #{index}", "has an empty \"name\"", source);
        if (e.TryGetProperty("enabled", out var enabled))
        {
            if (enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw Error(label, "\"enabled\" must be true or false", source);
            if (enabled.ValueKind == JsonValueKind.False) return (name, null);
        }
        string reason = String(e, "reason", label, source) ?? throw Error(label, "has no \"reason\" (the word reported for what it drops)", source);
        string kind = String(e, "kind", label, source) ?? throw Error(label, "has no \"kind\" (phrases, regex or structural)", source);
        string rationale = String(e, "rationale", label, source) ?? throw Error(label, "has no \"rationale\" (say why the rule exists)", source);
        string action = String(e, "action", label, source) ?? "drop";
        if (action is not ("drop" or "strip")) throw Error(label, $"has action \"{action}\"; expected drop or strip", source);
        int? maxWords = Int(e, "maxWords", label, source);
        if (maxWords is < 1) throw Error(label, "\"maxWords\" must be at least 1", source);

        string[] allowed;
        DropRule rule;
        switch (kind)
        {
            case "phrases":
            {
                allowed = ["match", "phrases"];
                if (action == "strip") throw Error(label, "only regex rules can strip", source);
                string match = String(e, "match", label, source) ?? "line";
                if (match is not ("line" or "prefix")) throw Error(label, $"has match \"{match}\"; expected line or prefix", source);
                var phrases = Strings(e, "phrases", label, source) ?? throw Error(label, "has no \"phrases\" array", source);
                if (phrases.Length == 0) throw Error(label, "has an empty \"phrases\" array", source);
                rule = new PhraseRule(name, reason, rationale, maxWords, match == "prefix", phrases);
                break;
            }
            case "regex":
            {
                allowed = ["pattern", "ignoreCase", "timeoutMs"];
                string pattern = String(e, "pattern", label, source) ?? throw Error(label, "has no \"pattern\"", source);
                int timeout = Int(e, "timeoutMs", label, source) ?? DefaultTimeoutMs;
                if (timeout is < 1 or > 10_000) throw Error(label, "\"timeoutMs\" must be between 1 and 10000", source);
                bool ignoreCase = e.TryGetProperty("ignoreCase", out var ic) && ic.ValueKind == JsonValueKind.True;
                var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
                Regex regex;
                try
                {
                    regex = new Regex(pattern, options, TimeSpan.FromMilliseconds(timeout));
                }
                catch (ArgumentException ex)
                {
                    throw Error(label, $"has an invalid pattern: {ex.Message}", source);
                }
                rule = new RegexRule(name, reason, rationale, maxWords, regex, action == "strip");
                break;
            }
            case "structural":
            {
                allowed = ["check", "minContentWords", "maxSharedFraction", "ignoreWords"];
                if (action == "strip") throw Error(label, "only regex rules can strip", source);
                string check = String(e, "check", label, source) ?? throw Error(label, $"has no \"check\" ({string.Join(" or ", StructuralRule.Checks)})", source);
                if (Array.IndexOf(StructuralRule.Checks, check) < 0)
                    throw Error(label, $"has unknown check \"{check}\"; expected {string.Join(" or ", StructuralRule.Checks)}", source);
                int minContent = Int(e, "minContentWords", label, source) ?? 2;
                double maxShared = 0.2;
                if (e.TryGetProperty("maxSharedFraction", out var ms))
                {
                    if (ms.ValueKind != JsonValueKind.Number || !ms.TryGetDouble(out maxShared) || maxShared is < 0 or > 1)
                        throw Error(label, "\"maxSharedFraction\" must be a number from 0 to 1", source);
                }
                rule = new StructuralRule(name, reason, rationale, maxWords, check, minContent, maxShared, Strings(e, "ignoreWords", label, source) ?? []);
                break;
            }
            default:
                throw Error(label, $"has unknown kind \"{kind}\"; expected phrases, regex or structural", source);
        }
        foreach (var p in e.EnumerateObject())
            if (p.Name is not ("name" or "reason" or "kind" or "rationale" or "action" or "maxWords" or "enabled") && Array.IndexOf(allowed, p.Name) < 0)
                throw Error(label, $"has unknown property \"{p.Name}\" for kind {kind}", source);
        return (name, rule);
    }

    private static InputException Error(string label, string what, string source) =>
        new($"drop rules: {label} {what}", source);

    private static string? String(JsonElement e, string property, string label, string source)
    {
        if (!e.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw Error(label, $"\"{property}\" must be a string", source);
        return v.GetString();
    }

    private static int? Int(JsonElement e, string property, string label, string source)
    {
        if (!e.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int n)) throw Error(label, $"\"{property}\" must be a whole number", source);
        return n;
    }

    private static string[]? Strings(JsonElement e, string property, string label, string source)
    {
        if (!e.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Array) throw Error(label, $"\"{property}\" must be an array of strings", source);
        var list = new List<string>();
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw Error(label, $"\"{property}\" must hold only strings", source);
            list.Add(item.GetString()!);
        }
        return list.ToArray();
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }
}
