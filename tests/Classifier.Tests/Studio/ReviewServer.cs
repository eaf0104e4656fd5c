using System.Net;
using Classifier.Labelling;
using Classifier.Scoring;
using Classifier.Studio;
using Classifier.Studio.Labelling;
using Classifier.Studio.Reports;
using Classifier.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Classifier.Tests.Studio;

/// <summary>
/// A studio reviewing two annotators of its own (each test adjudicates into a fresh file). They disagree on r2
/// (stance; its text has "&lt;script&gt;" and the first annotator's note markup), r3 (topic) and r4 (both), agree on
/// r1 and r5, and only the second labelled r6. The second's file has no text column: texts come from the first's.
/// </summary>
public sealed class ReviewServer : IAsyncDisposable
{
    public const string ScriptText = "<script>window.pwned = 1</script> Pristina answered";
    public const string MarkupNote = "<i>unsure</i>";

    public const string First =
        "id,article,text,stance,topic,annotator,note\n" +
        "r1,a1,Belgrade insists on sovereignty over the north.,pro-serbia,governance,ann-1,\n" +
        "r2,a1,\"" + ScriptText + "\",neutral,dialogue,ann-1," + MarkupNote + "\n" +
        "r3,a1,The talks in Brussels resume next week.,neutral,dialogue,ann-1,\n" +
        "r4,a2,Trade across the border fell last year.,neutral,economy,ann-1,\n" +
        "r5,a2,Police units were sent to the crossing.,pro-kosovo,security,ann-1,\n";

    public const string Second =
        "id,stance,topic,note\n" +
        "r1,pro-serbia,governance,\n" +
        "r2,Pro-Kosovo,dialogue,an answer to Belgrade\n" +
        "r3,neutral,history,\n" +
        "r4,pro-serbia,other,\n" +
        "r5,pro-kosovo,security,\n" +
        "r6,neutral,other,\n";

    private readonly WebApplication _app;
    private readonly CsvLabelStore? _store;

    private ReviewServer(TempDir dir, WebApplication app, CsvLabelStore? store, Uri url)
    {
        Dir = dir;
        _app = app;
        _store = store;
        Url = url;
    }

    public TempDir Dir { get; }
    public Uri Url { get; }
    public string FirstPath => Dir.File("first.csv");
    public string SecondPath => Dir.File("second.csv");
    public string AdjudicatedPath => Dir.File("adjudicated.csv");

    /// <param name="adjudicated">What the adjudicated file holds before the studio starts (a review resumed); none: no file.</param>
    /// <param name="third">A third annotator's file; none: two annotators.</param>
    public static async Task<ReviewServer> Start(ArticleScoringService scoring, string? adjudicated = null, string? third = null, string? schema = null,
        string first = First, string second = Second)
    {
        var dir = new TempDir();
        List<string> annotators = [dir.Write("first.csv", first), dir.Write("second.csv", second)];
        if (third is not null) annotators.Add(dir.Write("third.csv", third));
        if (adjudicated is not null) dir.Write("adjudicated.csv", adjudicated);
        return await Start(scoring, dir, annotators, [], schema);
    }

    /// <summary>A review of files that exist already (such as data/audit/), adjudicated into a fresh file.</summary>
    public static Task<ReviewServer> StartOn(ArticleScoringService scoring, IReadOnlyList<string> annotators, IReadOnlyList<string> texts) =>
        Start(scoring, new TempDir(), annotators, texts, null);

    private static async Task<ReviewServer> Start(ArticleScoringService scoring, TempDir dir, IReadOnlyList<string> annotators, IReadOnlyList<string> texts, string? schema)
    {
        var files = new ReviewFiles(annotators, dir.File("adjudicated.csv"), texts);
        var (desk, store) = ReviewSessionFactory.Open(files, schema is null ? null : dir.Write("schema.json", schema), "judge", TextWriter.Null);
        var app = StudioApp.Build(scoring, new StudioOptions(IPAddress.Loopback, 0, null, "m.zip", ReportIndex.Empty, LabellingFiles.None, files), review: desk);
        await app.StartAsync();
        return new ReviewServer(dir, app, store, Classifier.Api.ScoringApi.BoundAddress(app));
    }

    /// <summary>The adjudicated file's lines (header first), none when it does not exist.</summary>
    public string[] Rows() => File.Exists(AdjudicatedPath) ? File.ReadAllLines(AdjudicatedPath) : [];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store?.Dispose();
        Dir.Dispose();
    }
}
