using System.Text.RegularExpressions;

namespace Classifier.Text.Ingestion;

/// <summary>
/// Drops (or, with action "strip", trims) lines matching a regular expression. A match that runs past its timeout
/// throws <see cref="DropRuleTimeoutException"/>: a pattern that is slow on one line is usually slow on many, and
/// skipping it silently would cost the timeout on every such line of a large input.
/// </summary>
internal sealed class RegexRule(string name, string reason, string rationale, int? maxWords, Regex regex, bool strip)
    : DropRule(name, reason, rationale, maxWords)
{
    // The timeout is wall-clock time, so a loaded machine can stall an innocent match past it once; a pattern that
    // times out this many times in a row on the same line is slow by itself.
    private const int Attempts = 3;

    public Regex Regex { get; } = regex;

    public override string Kind => "regex";

    public override bool Strips => strip;

    internal override bool Matches(string text, string key, string? previousKeptKey) => Run(() => Regex.IsMatch(text));

    internal override string Strip(string text) => Run(() =>
    {
        var m = Regex.Match(text);
        return m.Success ? text.Remove(m.Index, m.Length) : text;
    });

    private T Run<T>(Func<T> match)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return match();
            }
            catch (RegexMatchTimeoutException ex) when (attempt == Attempts)
            {
                throw new DropRuleTimeoutException(this, ex.MatchTimeout, ex);
            }
            catch (RegexMatchTimeoutException)
            {
                // Try again: see Attempts.
            }
        }
    }
}
