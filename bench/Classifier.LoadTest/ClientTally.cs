namespace Classifier.LoadTest;

/// <summary>One client's samples, kept apart from the others' so recording needs no lock.</summary>
internal sealed class ClientTally
{
    public List<long> Latencies { get; } = new(4096);
    public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> WarmupErrors { get; } = new(StringComparer.Ordinal);
    public long WarmupRequests { get; set; }
    public long Paragraphs { get; set; }
    public long LastCompletion { get; set; }

    public static void Count(Dictionary<string, long> errors, string error) =>
        errors[error] = errors.GetValueOrDefault(error) + 1;
}
