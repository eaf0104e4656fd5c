namespace Classifier.Text.Ingestion;

/// <summary>Drops a line whose normalised form equals one of the phrases (match "line") or starts with one (match "prefix").</summary>
internal sealed class PhraseRule : DropRule
{
    private readonly HashSet<string> _whole = new(StringComparer.Ordinal);
    private readonly string[] _prefixes = [];

    public PhraseRule(string name, string reason, string rationale, int? maxWords, bool prefix, IEnumerable<string> phrases)
        : base(name, reason, rationale, maxWords)
    {
        Prefix = prefix;
        if (prefix) _prefixes = phrases.Select(p => DropRules.Key(p, trimPunctuation: false)).Where(p => p.Length > 0).ToArray();
        else foreach (var p in phrases) _whole.Add(DropRules.Key(p));
    }

    public bool Prefix { get; }

    public override string Kind => "phrases";

    internal override bool Matches(string text, string key, string? previousKeptKey)
    {
        if (!Prefix) return _whole.Contains(key);
        foreach (var p in _prefixes)
            if (key.StartsWith(p, StringComparison.Ordinal)) return true;
        return false;
    }
}
