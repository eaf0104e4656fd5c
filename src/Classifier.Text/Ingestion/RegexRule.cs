using System.Text.RegularExpressions;

namespace Classifier.Text.Ingestion;

/// <summary>Drops (or, with action "strip", trims) lines matching a regular expression. A match that runs past its timeout counts as no match.</summary>
internal sealed class RegexRule(string name, string reason, string rationale, int? maxWords, Regex regex, bool strip)
    : DropRule(name, reason, rationale, maxWords)
{
    public Regex Regex { get; } = regex;

    public override string Kind => "regex";

    public override bool Strips => strip;

    internal override bool Matches(string text, string key, string? previousKeptKey)
    {
        try
        {
            return Regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological line must not stall ingestion; keeping it is the safe side.
            return false;
        }
    }

    internal override string Strip(string text)
    {
        try
        {
            var m = Regex.Match(text);
            return m.Success ? text.Remove(m.Index, m.Length) : text;
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }
}
