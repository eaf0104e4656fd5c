namespace Classifier.Text.Ingestion;

/// <summary>
/// A regex drop rule ran past its match timeout. <see cref="ParagraphSplitter"/> turns it into an input error naming the
/// line, since only it knows where it is.
/// </summary>
internal sealed class DropRuleTimeoutException(DropRule rule, TimeSpan timeout, Exception inner)
    : Exception($"drop rule \"{rule.Name}\" timed out after {timeout.TotalMilliseconds:0} ms", inner)
{
    public DropRule Rule { get; } = rule;
    public TimeSpan Timeout { get; } = timeout;
}
