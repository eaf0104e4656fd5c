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

    // The interpreter takes several times as long as compiled code on a line of prose, but compiling a pattern costs
    // milliseconds: worth it for a large input, not for the one article most runs score. So a rule that has seen this
    // many lines compiles its pattern (same pattern, options and timeout, so the same matches) and uses that from then on.
    private const int CompileAfterUses = 256;

    private int _uses;
    private Regex? _compiled;

    public Regex Regex { get; } = regex;

    public override string Kind => "regex";

    public override bool Strips => strip;

    internal override bool Matches(string text, string key, string? previousKeptKey) =>
        Run(static (regex, text) => regex.IsMatch(text), text);

    internal override string Strip(string text) => Run(static (regex, text) =>
    {
        var m = regex.Match(text);
        return m.Success ? text.Remove(m.Index, m.Length) : text;
    }, text);

    private T Run<T>(Func<Regex, string, T> match, string text)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return match(Engine(), text);
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

    private Regex Engine()
    {
        var compiled = Volatile.Read(ref _compiled);
        if (compiled is not null) return compiled;
        // Rules are shared by every thread splitting articles: one thread compiles while the others go on interpreting.
        if (Interlocked.Increment(ref _uses) != CompileAfterUses) return Regex;
        compiled = new Regex(Regex.ToString(), Regex.Options | RegexOptions.Compiled, Regex.MatchTimeout);
        Volatile.Write(ref _compiled, compiled);
        return compiled;
    }
}
