namespace Classifier.Text.Ingestion;

/// <summary>
/// One rule of <see cref="DropRules"/>: what it looks for (<see cref="Kind"/>), the reason reported for the lines it drops,
/// and why it exists. Built only by <see cref="DropRules"/> from the rules data file.
/// </summary>
public abstract class DropRule
{
    private protected DropRule(string name, string reason, string rationale, int? maxWords)
    {
        Name = name;
        Reason = reason;
        Rationale = rationale;
        MaxWords = maxWords;
    }

    /// <summary>Unique name; a user rules file replaces a built-in rule of the same name.</summary>
    public string Name { get; }

    /// <summary>The reason reported for what this rule drops (site-furniture, photo-credit, byline, ...).</summary>
    public string Reason { get; }

    /// <summary>Why the rule exists, in words, as written in the rules file.</summary>
    public string Rationale { get; }

    /// <summary>When set, the rule only applies to lines of at most this many words, so it cannot eat a paragraph of prose.</summary>
    public int? MaxWords { get; }

    /// <summary>phrases, regex or structural.</summary>
    public abstract string Kind { get; }

    /// <summary>True for a rule that trims part of a kept line instead of dropping it.</summary>
    public virtual bool Strips => false;

    /// <summary>Whether the rule drops this line. <paramref name="key"/> is the line's normalised form; <paramref name="previousKeptKey"/> that of the last kept line.</summary>
    internal abstract bool Matches(string text, string key, string? previousKeptKey);

    /// <summary>For strip rules: the line without the matched part (the same instance when nothing matched).</summary>
    internal virtual string Strip(string text) => text;

    internal bool WithinWordLimit(string text) => MaxWords is not { } max || CountWords(text, max + 1) <= max;

    /// <summary>The same test for a line whose words were counted (up to at least <see cref="MaxWords"/> + 1) once for every rule.</summary>
    internal bool WithinWordLimit(int words) => MaxWords is not { } max || words <= max;

    /// <summary>Counts whitespace-separated words, stopping early at <paramref name="stopAt"/>.</summary>
    internal static int CountWords(string text, int stopAt = int.MaxValue)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { inWord = false; continue; }
            if (!inWord && ++words >= stopAt) return words;
            inWord = true;
        }
        return words;
    }
}
