using System.Net;
using System.Text;
using Classifier.Engine.Persistence;
using Classifier.Engine.Pipeline;
using Classifier.Scoring;
using Classifier.Studio;
using Classifier.Studio.Reports;
using Classifier.Tests.Labelling;
using Classifier.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Classifier.Tests.Studio;

/// <summary>
/// Real studio servers on free loopback ports, shared by the studio's tests: one on a small model trained here with
/// two accuracy reports under --reports (and a file beside them no request may reach), one whose stance label is
/// "&lt;b&gt;x&lt;/b&gt;" (escaping), one on the committed default model (the screenshots), one without --reports and one
/// with a token.
/// </summary>
public sealed class StudioServers : IAsyncLifetime
{
    public const string Token = "studio-token-123";
    public const string HtmlLabel = "<b>x</b>";
    public const string Secret = "not for any request";

    private readonly List<WebApplication> _apps = [];

    public TempDir Dir { get; } = new();
    public string ReportsDir => Dir.File("reports");
    public string SecretFile => Dir.File("secret.txt");
    public ArticleScoringService Small { get; private set; } = null!;

    /// <summary>The committed default model (models/default.zip), loaded once.</summary>
    public TextClassifier DefaultModel { get; private set; } = null!;
    public ReportIndex Reports { get; private set; } = null!;
    public Uri SmallUrl { get; private set; } = null!;
    public Uri HtmlLabelUrl { get; private set; } = null!;
    public Uri DefaultUrl { get; private set; } = null!;
    public Uri NoReportsUrl { get; private set; } = null!;
    public Uri ProtectedUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var data = Dir.Write("data.csv", Fixtures.StanceCsv());
        var model = Dir.File("m.zip");
        Check(CliRun.Trainer("train", "--data", data, "--model", model, "--trainer", "sdca", "--cv", "none"));
        Check(CliRun.Trainer("evaluate", "--model", model, "--data", data, "--report", Path.Combine(ReportsDir, "eval-small")));
        Check(CliRun.Trainer("evaluate", "--model", model, "--data", data, "--report", Path.Combine(ReportsDir, "runs", "second run")));
        Dir.Write("secret.txt", Secret);
        // "stance" has the codebook's fixed labels; a head of another name takes any value, as any labelled CSV's does.
        var htmlData = Dir.Write("html.csv", Fixtures.StanceCsv().Replace("id,article,text,stance,", "id,article,text,verdict,", StringComparison.Ordinal).Replace(",pro-serbia,", "," + Csv(HtmlLabel) + ",", StringComparison.Ordinal));
        var htmlModel = Dir.File("html.zip");
        Check(CliRun.Trainer("train", "--data", htmlData, "--label-col", "verdict", "--label-col", "topic", "--model", htmlModel, "--trainer", "sdca", "--cv", "none"));

        Small = new ArticleScoringService(ModelFile.Load(model));
        Reports = ReportIndex.Scan(ReportsDir);
        SmallUrl = await Start(Small, model, Reports);
        HtmlLabelUrl = await Start(new ArticleScoringService(ModelFile.Load(htmlModel)), htmlModel, ReportIndex.Empty);
        var defaultModel = Path.Combine(Repo.Root, "models", "default.zip");
        DefaultModel = ModelFile.Load(defaultModel);
        DefaultUrl = await Start(new ArticleScoringService(DefaultModel), "models/default.zip", Reports);
        NoReportsUrl = await Start(Small, model, ReportIndex.Empty);
        ProtectedUrl = await Start(Small, model, Reports, Token);
    }

    private static string Csv(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Check(CliRun run)
    {
        if (run.ExitCode != 0) throw new InvalidOperationException(run.ToString());
    }

    private async Task<Uri> Start(ArticleScoringService scoring, string modelPath, ReportIndex reports, string? token = null)
    {
        var app = StudioApp.Build(scoring, new StudioOptions(IPAddress.Loopback, 0, token, modelPath, reports,
            new LabellingFiles("data/labels.csv", "data/paragraphs.csv", null)));
        _apps.Add(app);
        await app.StartAsync();
        return Classifier.Api.ScoringApi.BoundAddress(app);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Dir.Dispose();
    }
}
