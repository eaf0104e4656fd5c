using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Classifier.Text.Diagnostics;
using Classifier.Text.IO;
using Classifier.Text.Labels;
using Classifier.Text.Normalization;

namespace Classifier.Text.Labelling;

/// <summary>
/// A validated set of labelling rules, ready to run. Loading checks every rule (known head and label, patterns
/// present, regular expressions that compile, unique names) so a bad rule stops the run before anything is
/// labelled. Every pattern runs under a match timeout, so a pathological regular expression cannot hang a run.
/// </summary>
public sealed class RuleSet
{
    // A second, not 100 ms: a sound pattern takes microseconds, but a busy machine (a GC pause, other processes) once
    // stretched one past 100 ms and stopped a run; a pathological pattern still stops within a second.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex[][] _matchers;

    private RuleSet(IReadOnlyList<LabellingRule> rules, Regex[][] matchers, string source, TimeSpan timeout)
    {
        Rules = rules;
        _matchers = matchers;
        Source = source;
        Timeout = timeout;
        var heads = new List<string>();
        foreach (var h in new[] { LabelSchema.StanceColumn, LabelSchema.TopicColumn })
            if (rules.Any(r => r.Head == h)) heads.Add(h);
        Heads = heads;
    }

    public IReadOnlyList<LabellingRule> Rules { get; }

    /// <summary>The heads at least one rule votes on, in codebook order.</summary>
    public IReadOnlyList<string> Heads { get; }

    /// <summary>The file the rules came from (for messages).</summary>
    public string Source { get; }

    public TimeSpan Timeout { get; }

    /// <summary>Reads and validates a rule file.</summary>
    public static RuleSet Load(string path, TimeSpan? timeout = null)
    {
        string json;
        IO.FileKind.RequireFile(path);
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read the rule file: {ex.Message}", path, hint: ex is FileNotFoundException or DirectoryNotFoundException ? "check the --rules path" : null);
        }
        return Parse(json, path, timeout);
    }

    /// <summary>
    /// Validates the rules in <paramref name="json"/>; <paramref name="file"/> names it in errors. With
    /// <paramref name="compiled"/> the patterns are compiled to IL: about 0.3 s more at load for data/rules.json, and
    /// matching about twice as fast, which pays off where every predicted paragraph runs every rule (rule features).
    /// </summary>
    public static RuleSet Parse(string json, string file, TimeSpan? timeout = null, bool compiled = false)
    {
        var limit = timeout ?? DefaultTimeout;
        using (var document = LenientJson.Parse(json, file, "the rule file"))
        {
            var root = document.RootElement;
            JsonElement array = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("rules", out var r) && r.ValueKind == JsonValueKind.Array ? r
                : throw new InputException("the rule file must hold a \"rules\" array", file, hint: "see data/rules.json for the format");
            var rules = new List<LabellingRule>();
            var matchers = new List<Regex[]>();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            int index = 0;
            foreach (var element in array.EnumerateArray())
            {
                index++;
                var rule = ReadRule(element, index, file);
                if (!names.Add(rule.Name))
                    throw new InputException($"rule '{rule.Name}' is defined twice", file, hint: "rule names must be unique");
                rules.Add(rule);
                matchers.Add(Compile(rule, file, limit, compiled));
            }
            if (rules.Count == 0) throw new InputException("the rule file has no rules", file);
            return new RuleSet(rules, [.. matchers], file, limit);
        }
    }

    /// <summary>
    /// Which rules fire on <paramref name="text"/> (display text; it is normalised here). <paramref name="rowId"/>
    /// names the row if a pattern times out; with <paramref name="timeoutsAbstain"/> a rule that times out counts as
    /// not firing instead (features must not fail on one pathological text), and the other rules still run.
    /// </summary>
    public bool[] Fire(string text, string rowId, bool timeoutsAbstain = false)
    {
        var normalized = TextNormalizer.Normalize(text);
        var fired = new bool[Rules.Count];
        for (int r = 0; r < fired.Length; r++)
        {
            try
            {
                foreach (var matcher in _matchers[r])
                {
                    if (!matcher.IsMatch(normalized)) continue;
                    fired[r] = true;
                    break;
                }
            }
            catch (RegexMatchTimeoutException) when (timeoutsAbstain)
            {
                fired[r] = false;
            }
            catch (RegexMatchTimeoutException)
            {
                throw new InputException(
                    $"rule '{Rules[r].Name}' timed out after {Timeout.TotalMilliseconds:0} ms on row '{rowId}'", Source,
                    hint: "its regular expression backtracks catastrophically; simplify it (avoid nested quantifiers such as (a+)+)");
            }
        }
        return fired;
    }

    private static LabellingRule ReadRule(JsonElement e, int index, string file)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new InputException($"rule #{index} is not a JSON object", file);
        string name = Text(e, "name") ?? throw new InputException($"rule #{index} has no name", file, hint: "give every rule a unique \"name\"");
        string Required(string property) => Text(e, property) is { Length: > 0 } value ? value
            : throw new InputException($"rule '{name}' has no \"{property}\"", file);

        var head = Required("head").ToLowerInvariant();
        var allowed = LabelSchema.ValuesOf(head)
            ?? throw new InputException($"rule '{name}' has unknown head '{head}'", file, hint: $"use {LabelSchema.StanceColumn} or {LabelSchema.TopicColumn}");
        var label = Required("label").ToLowerInvariant();
        if (!allowed.Contains(label))
        {
            var suggestion = LabelSchema.Suggest(label, allowed);
            throw new InputException($"rule '{name}' has unknown {head} label '{label}'", file,
                hint: suggestion is null ? $"the {head} labels are: {string.Join(", ", allowed)}" : $"did you mean '{suggestion}'?");
        }
        var kindText = Required("kind");
        if (!Enum.TryParse<RuleKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || char.IsDigit(kindText[0]))
            throw new InputException($"rule '{name}' has unknown kind '{kindText}'", file, hint: "use keywords, phrase or regex");
        if (!e.TryGetProperty("patterns", out var patternsElement) || patternsElement.ValueKind != JsonValueKind.Array)
            throw new InputException($"rule '{name}' has no \"patterns\" array", file);
        var patterns = new List<string>();
        foreach (var p in patternsElement.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.String || p.GetString()!.Trim().Length == 0)
                throw new InputException($"rule '{name}' has an empty or non-text pattern", file);
            patterns.Add(p.GetString()!);
        }
        if (patterns.Count == 0) throw new InputException($"rule '{name}' has no patterns", file);
        return new LabellingRule(name, head, label, kind, patterns, Required("rationale"));
    }

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : null;

    private const string WordChar = @"[\p{L}\p{N}]";

    private static Regex[] Compile(LabellingRule rule, string file, TimeSpan timeout, bool compiled)
    {
        var options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | (compiled ? RegexOptions.Compiled : RegexOptions.None);
        if (rule.Kind == RuleKind.Regex)
        {
            // One regex per pattern: joining users' expressions would renumber their groups and backreferences.
            var result = new Regex[rule.Patterns.Count];
            for (int i = 0; i < result.Length; i++)
            {
                try
                {
                    result[i] = new Regex(rule.Patterns[i], options, timeout);
                }
                catch (ArgumentException ex)
                {
                    throw new InputException($"rule '{rule.Name}' has an invalid regular expression '{rule.Patterns[i]}': {FirstSentence(ex.Message)}", file);
                }
            }
            return result;
        }
        var alternatives = new StringBuilder();
        foreach (var raw in rule.Patterns)
        {
            // Patterns are normalised like the text, so "Priština" in a rule matches "Pristina" in a paragraph.
            var pattern = TextNormalizer.Normalize(raw.Trim());
            bool prefix = rule.Kind == RuleKind.Keywords && pattern.EndsWith('*');
            if (prefix) pattern = pattern.TrimEnd('*').TrimEnd();
            if (pattern.Length == 0) throw new InputException($"rule '{rule.Name}' has an empty pattern", file);
            var escaped = Regex.Escape(pattern).Replace("\\ ", "\\s+", StringComparison.Ordinal);
            if (alternatives.Length > 0) alternatives.Append('|');
            if (rule.Kind == RuleKind.Keywords)
                alternatives.Append($"(?:(?<!{WordChar}){escaped}{(prefix ? $"{WordChar}*" : $"(?!{WordChar})")})");
            else
                alternatives.Append(escaped);
        }
        return [new Regex(alternatives.ToString(), options, timeout)];
    }

    private static string FirstSentence(string message)
    {
        int nl = message.IndexOfAny(['\r', '\n']);
        return nl < 0 ? message : message[..nl];
    }
}
