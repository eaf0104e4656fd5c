namespace Classifier.LoadTest;

/// <summary>Latency figures in milliseconds, from every measured request (sorted samples, not buckets: a run has few enough).</summary>
public sealed record LatencySummary(double Mean, double P50, double P90, double P99, double Max)
{
    public static LatencySummary From(long[] ticks, long ticksPerSecond)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        if (ticks.Length == 0) return new LatencySummary(0, 0, 0, 0, 0);
        var sorted = (long[])ticks.Clone();
        Array.Sort(sorted);
        double Ms(long t) => t * 1000.0 / ticksPerSecond;
        // Nearest rank: the smallest sample with at least p% of samples at or below it, so p99 is a latency someone saw.
        double At(double p) => Ms(sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)]);
        return new LatencySummary(Ms((long)sorted.Average()), At(50), At(90), At(99), Ms(sorted[^1]));
    }
}
