using System.Net;
using Classifier.Api;
using Classifier.Engine.Persistence;
using Classifier.Scoring;
using Classifier.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Classifier.Tests.Api;

/// <summary>
/// One small model trained once, served by three real servers on free loopback ports: open with the default caps,
/// token-protected, and with a small body cap (so a body over it is small enough to send whole).
/// </summary>
public sealed class ApiServers : IAsyncLifetime
{
    public const string Token = "test-token-123";
    public const int SmallBodyCap = 4096;

    private readonly List<WebApplication> _apps = [];

    public TempDir Dir { get; } = new();
    public string ModelPath => Dir.File("m.zip");
    public ArticleScoringService Scoring { get; private set; } = null!;
    public HttpClient Open { get; private set; } = null!;
    public HttpClient Protected { get; private set; } = null!;
    public HttpClient SmallBody { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var data = Dir.Write("data.csv", Fixtures.StanceCsv());
        var run = CliRun.Trainer("train", "--data", data, "--model", ModelPath, "--trainer", "sdca", "--cv", "none");
        if (run.ExitCode != 0) throw new InvalidOperationException(run.ToString());
        Scoring = new ArticleScoringService(ModelFile.Load(ModelPath));
        Open = await Start(new ScoringApiOptions(IPAddress.Loopback, 0));
        Protected = await Start(new ScoringApiOptions(IPAddress.Loopback, 0, Token));
        SmallBody = await Start(new ScoringApiOptions(IPAddress.Loopback, 0, Limits: new ScoringApiLimits(MaxBodyBytes: SmallBodyCap)));
    }

    private async Task<HttpClient> Start(ScoringApiOptions options)
    {
        var app = ScoringApi.Build(Scoring, options);
        _apps.Add(app);
        await app.StartAsync();
        return new HttpClient { BaseAddress = ScoringApi.BoundAddress(app) };
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Open.Dispose();
        Protected.Dispose();
        SmallBody.Dispose();
        Dir.Dispose();
    }
}
