namespace Classifier.Api;

/// <summary>
/// Request caps. A request over one gets 413 with a problem document naming the cap, before any scoring, so one
/// caller cannot tie up the model or the server's memory.
/// </summary>
/// <param name="MaxTextBytes">UTF-8 bytes of one text (each of <c>texts</c>, <c>text</c> or <c>article</c>).</param>
/// <param name="MaxTexts">Entries of <c>texts</c> in one request.</param>
/// <param name="MaxBodyBytes">Bytes of a whole request body.</param>
public sealed record ScoringApiLimits(int MaxTextBytes = 1 << 20, int MaxTexts = 10_000, int MaxBodyBytes = 16 << 20)
{
    public static ScoringApiLimits Default { get; } = new();
}
