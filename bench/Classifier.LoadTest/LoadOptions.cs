using System.Globalization;

namespace Classifier.LoadTest;

/// <summary>The command line: where to send, how hard, how long, and what.</summary>
/// <param name="Target">The server's base address; loopback only (<see cref="LoopbackTarget"/>).</param>
/// <param name="Clients">Concurrent clients, each with one request in flight at a time.</param>
/// <param name="Seconds">Measured seconds, after the warm-up.</param>
/// <param name="WarmupSeconds">Seconds of the same load before measuring, excluded from every figure.</param>
/// <param name="TextsPerRequest">1 sends <c>{"text": …}</c>; more sends <c>{"texts": [...]}</c> of that many paragraphs.</param>
/// <param name="SeedsDirectory">Folder of <c>.txt</c> articles whose paragraphs are the request texts.</param>
/// <param name="RequestTimeoutSeconds">A request slower than this counts as an error.</param>
/// <param name="MarkdownRowFile">When given, one Markdown table row of the figures is appended to it.</param>
public sealed record LoadOptions(
    Uri Target,
    int Clients,
    int Seconds,
    int WarmupSeconds,
    int TextsPerRequest,
    string SeedsDirectory,
    int RequestTimeoutSeconds,
    string? MarkdownRowFile)
{
    public const string Usage =
        "usage: loadtest --url http://127.0.0.1:PORT [--clients 64] [--seconds 30] [--warmup 5] [--texts 1] [--seeds seeds] " +
        "[--request-timeout 60] [--markdown-row FILE]";

    /// <summary>The options, or an exception whose message says which argument is wrong.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? url = null, seeds = "seeds", row = null;
        int clients = 64, seconds = 30, warmup = 5, texts = 1, timeout = 60;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Count) throw new ArgumentException($"{name} needs a value; {Usage}");
            string value = args[++i];
            switch (name)
            {
                case "--url": url = value; break;
                case "--clients": clients = Number(name, value, 1, 4096); break;
                case "--seconds": seconds = Number(name, value, 1, 3600); break;
                case "--warmup": warmup = Number(name, value, 0, 600); break;
                case "--texts": texts = Number(name, value, 1, 10_000); break;
                case "--seeds": seeds = value; break;
                case "--request-timeout": timeout = Number(name, value, 1, 600); break;
                case "--markdown-row": row = value; break;
                default: throw new ArgumentException($"unknown argument '{name}'; {Usage}");
            }
        }
        if (url is null) throw new ArgumentException($"--url is required; {Usage}");
        return new LoadOptions(LoopbackTarget.Parse(url), clients, seconds, warmup, texts, seeds, timeout, row);
    }

    private static int Number(string name, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
            throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{value}'");
        return n;
    }
}
