using System.Net;
using Classifier.Engine.Pipeline;
using Classifier.Labelling;
using Classifier.Scoring;
using Classifier.Studio;
using Classifier.Studio.Labelling;
using Classifier.Studio.Reports;
using Classifier.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Classifier.Tests.Studio;

/// <summary>
/// A studio with a labelling session of its own (each test answers into a fresh labels file): two articles of
/// three paragraphs, the second of which has "&lt;script&gt;" in its text, labelled in file order unless a model is given.
/// </summary>
public sealed class LabelServer : IAsyncDisposable
{
    public const string ScriptText = "<script>window.pwned = 1</script> Pristina answered";

    public static readonly string Paragraphs =
        "id,article,text\n" +
        "p1,a1,Belgrade insists on sovereignty over the north.\n" +
        "p2,a1,\"" + ScriptText + "\"\n" +
        "p3,a1,The talks in Brussels resume next week.\n" +
        "p4,a2,Trade across the border fell last year.\n" +
        "p5,a2,Police units were sent to the crossing.\n" +
        "p6,a2,Historians disagree about the monastery.\n";

    private readonly WebApplication _app;
    private readonly CsvLabelStore? _store;

    private LabelServer(TempDir dir, WebApplication app, CsvLabelStore? store, Uri url)
    {
        Dir = dir;
        _app = app;
        _store = store;
        Url = url;
    }

    public TempDir Dir { get; }
    public Uri Url { get; }
    public string LabelsPath => Dir.File("labels.csv");

    /// <param name="scoring">The Score page's model (unused by these tests).</param>
    /// <param name="model">The model that suggests labels and orders the queue; none: file order.</param>
    /// <param name="schema">A --schema file's JSON; none: the codebook's stance and topic.</param>
    /// <param name="paragraphs">The --in file's content; none: <see cref="Paragraphs"/>.</param>
    /// <param name="modelPath">The model file the pages name.</param>
    public static async Task<LabelServer> Start(ArticleScoringService scoring, TextClassifier? model = null, string? schema = null, string? paragraphs = null,
        string modelPath = "m.zip")
    {
        var dir = new TempDir();
        var input = dir.Write("paragraphs.csv", paragraphs ?? Paragraphs);
        var files = new LabellingFiles(dir.File("labels.csv"), input, null, schema is null ? null : dir.Write("schema.json", schema));
        var (desk, store) = LabelSessionFactory.Open(files, model, "tester", TextWriter.Null);
        var app = StudioApp.Build(scoring, new StudioOptions(IPAddress.Loopback, 0, null, modelPath, ReportIndex.Empty, files), labelling: desk);
        await app.StartAsync();
        return new LabelServer(dir, app, store, Classifier.Api.ScoringApi.BoundAddress(app));
    }

    /// <summary>The labels file's rows as text lines (header first).</summary>
    public string[] Rows() => File.Exists(LabelsPath) ? File.ReadAllLines(LabelsPath) : [];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store?.Dispose();
        Dir.Dispose();
    }
}
