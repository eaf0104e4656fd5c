using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Classifier.LoadTest;

/// <summary>
/// Closed-loop load: each client sends one request, waits for the whole response, and sends the next, for the
/// warm-up and then the measured seconds. Always ends: no new request after the measured seconds, and a hard stop
/// one request timeout later cuts off whatever is still in flight (counted as errors).
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, IReadOnlyList<byte[]> bodies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bodies);
        using var handler = new SocketsHttpHandler
        {
            // One connection per client, so no client queues behind another inside the handler.
            MaxConnectionsPerServer = options.Clients,
            // A proxy from the environment must never see (or redirect) loopback load.
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        // The per-request timeout is ours (linked to the hard stop), so HttpClient's own is off.
        using var http = new HttpClient(handler) { BaseAddress = options.Target, Timeout = Timeout.InfiniteTimeSpan };
        var predict = new Uri(options.Target, "v1/predict");

        long frequency = Stopwatch.Frequency;
        long start = Stopwatch.GetTimestamp();
        long warmupEnd = start + options.WarmupSeconds * frequency;
        long measureEnd = warmupEnd + options.Seconds * frequency;
        using var hardStop = new CancellationTokenSource(TimeSpan.FromSeconds(options.WarmupSeconds + options.Seconds + options.RequestTimeoutSeconds + 5));
        int next = -1;

        async Task<ClientTally> Client()
        {
            var tally = new ClientTally();
            while (Stopwatch.GetTimestamp() < measureEnd && !hardStop.IsCancellationRequested)
            {
                var body = bodies[(int)((uint)Interlocked.Increment(ref next) % (uint)bodies.Count)];
                long sent = Stopwatch.GetTimestamp();
                string? error = await SendAsync(http, predict, body, options, hardStop.Token);
                long done = Stopwatch.GetTimestamp();
                if (sent < warmupEnd)
                {
                    tally.WarmupRequests++;
                    if (error is not null) ClientTally.Count(tally.WarmupErrors, error);
                    continue;
                }
                tally.Latencies.Add(done - sent);
                tally.LastCompletion = done;
                if (error is null) tally.Paragraphs += options.TextsPerRequest;
                else ClientTally.Count(tally.Errors, error);
            }
            return tally;
        }

        var tallies = await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(Client)));

        long last = Math.Max(tallies.Max(t => t.LastCompletion), warmupEnd);
        var latencies = tallies.SelectMany(t => t.Latencies).ToArray();
        return new LoadReport(
            SeedParagraphs.Describe(options.TextsPerRequest),
            options.Clients,
            (double)(last - warmupEnd) / frequency,
            options.WarmupSeconds,
            latencies.Length,
            tallies.Sum(t => t.Paragraphs),
            LatencySummary.From(latencies, frequency),
            Merge(tallies.Select(t => t.Errors)),
            tallies.Sum(t => t.WarmupRequests),
            Merge(tallies.Select(t => t.WarmupErrors)));
    }

    /// <summary>One request, read to its last byte; null when it succeeded, else the kind of failure.</summary>
    private static async Task<string?> SendAsync(HttpClient http, Uri predict, byte[] body, LoadOptions options, CancellationToken hardStop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(hardStop);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.RequestTimeoutSeconds));
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(predict, content, timeout.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK) return $"HTTP {(int)response.StatusCode}";
            // A 200 that lost articles is a failure too, and this check costs one vectorised scan of the body.
            int articles = SeedParagraphs.ArticlesIn(bytes);
            return articles == options.TextsPerRequest ? null : $"200 with {articles} of {options.TextsPerRequest} articles";
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            return "cut off at the hard stop";
        }
        catch (OperationCanceledException)
        {
            return $"timeout ({options.RequestTimeoutSeconds} s)";
        }
        catch (HttpRequestException e)
        {
            return $"connection ({e.HttpRequestError})";
        }
    }

    private static Dictionary<string, long> Merge(IEnumerable<Dictionary<string, long>> parts)
    {
        var all = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var part in parts)
            foreach (var (kind, count) in part) all[kind] = all.GetValueOrDefault(kind) + count;
        return all;
    }
}
