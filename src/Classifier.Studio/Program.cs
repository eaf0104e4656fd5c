using System.CommandLine;
using System.Globalization;
using Classifier.Api;
using Classifier.Cli;
using Classifier.Engine.Persistence;
using Classifier.Scoring;
using Classifier.Studio.Labelling;
using Classifier.Studio.Reports;

namespace Classifier.Studio;

/// <summary>
/// <c>studio</c>: the local web app (Score and Reports pages, the scoring API on the same host). A program of its
/// own rather than a trainer command: it is a long-running server with pages compiled in, and keeping it apart
/// keeps ASP.NET Core out of the batch CLIs.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => Run(args);

    /// <summary>Entry point shared by the executable and the tests (which pass their own writers).</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        Classifier.Embeddings.ArcticXsEmbedder.Register();
        Classifier.MlNet.MlNetEngine.Register();
        var model = new Option<string?>("--model", "-m") { Description = "Model file. Default: $CLASSIFIER_MODEL, else models/default.zip (found as the predictor finds it)." };
        var port = CommonOptions.Port(ScoringApiOptions.DefaultPort);
        var host = CommonOptions.Host();
        var token = new Option<string?>("--token") { Description = "Require the token on every request but /healthz (open /login?token=TOKEN once in the browser). Off the loopback address one is generated and printed once when not given." };
        var reports = new Option<string?>("--reports") { Description = "Folder of accuracy reports (what trainer evaluate --report or trainer train --report wrote, or a folder above several), listed once at start." };
        var labels = new Option<string?>("--labels") { Description = "Labels CSV the Label page appends answers to (created if missing; locked as trainer label locks it), e.g. data/labels.csv." };
        var input = new Option<string?>("--in") { Description = "Paragraphs CSV (id, article, text) to label on the Label page, e.g. data/paragraphs.csv." };
        var rules = new Option<string?>("--rules") { Description = "Rule file whose combined votes the Label page suggests, e.g. data/rules.json." };
        var schema = new Option<string?>("--schema") { Description = "JSON file of the heads to label (as trainer label --schema). Default: the codebook's stance and topic." };
        var review = new Option<string[]>("--review") { Description = "An annotator's labels CSV (as data/audit/first.csv); repeat for each annotator (two or more). The Review page lists the paragraphs they disagree on." };
        var adjudicated = new Option<string?>("--adjudicated") { Description = "Labels CSV the Review page appends the adjudicated answers to (created if missing; locked as trainer label locks it; a review resumes where it ends)." };
        var texts = new Option<string[]>("--texts") { Description = "Paragraph CSVs (id, article, text) the Review page takes texts from when the annotators' files have none, e.g. --texts data/paragraphs.csv data/articles/*.csv.", AllowMultipleArgumentsPerToken = true };
        var trainData = new Option<string[]>("--train-data") { Description = "The labelled CSV(s) the model was trained on (its 'trainer train --data'), checked against the model's manifest; needed for the Label page to retrain.", AllowMultipleArgumentsPerToken = true };
        var trainOnly = new Option<string[]>("--train-only") { Description = "The model's '--train-only' CSV(s), e.g. data/supplement.csv data/articles/*.csv.", AllowMultipleArgumentsPerToken = true };
        var retrainEvery = new Option<int>("--retrain-every") { Description = "With --train-data: retrain on the model's data plus the Label page's answers every N answers, in the background, and use the result if it cross-validates no worse (0: never).", DefaultValueFactory = _ => 20 }.AtLeast(0, "20");
        var saveModel = new Option<string?>("--save-model") { Description = "Write each retrained model the Label page swaps in to this file (never the --model file). Default: retrained models are kept in memory only." };
        var annotator = new Option<string>("--annotator") { Description = "Your name, recorded with every answer.", DefaultValueFactory = _ => Environment.UserName };
        var root = new RootCommand("studio: label, review and score in the browser. Pages: Score (an article's paragraphs by stance and topic, with the n-grams behind them), Reports (accuracy reports), Label (with --labels and --in), Review (with --review twice or more and --adjudicated).\n" +
            "The scoring API is served on the same host (POST /v1/predict, GET /v1/model, GET /healthz, /openapi/v1.json).\n" +
            "Examples: studio | studio --model models/default.zip --reports out --port 8080 | studio --host 0.0.0.0 --token \"$TOKEN\"\n" +
            "Diagnostics go to standard error. Exit codes: 2 bad command line or port in use, 3 bad --reports folder, 4 bad model file, 130 stopped with Ctrl-C.")
        {
            model, port, host, token, reports, labels, input, rules, schema, annotator, review, adjudicated, texts, trainData, trainOnly, retrainEvery, saveModel,
        };
        root.SetAction((parse, ct) => Serve(parse, ct, parse.GetValue(model), parse.GetValue(port), parse.GetValue(host)!, parse.GetValue(token),
            parse.GetValue(reports), new LabellingFiles(parse.GetValue(labels), parse.GetValue(input), parse.GetValue(rules), parse.GetValue(schema),
                parse.GetValue(trainData), parse.GetValue(trainOnly), parse.GetValue(retrainEvery), parse.GetValue(saveModel)), parse.GetValue(annotator)!,
            new ReviewFiles(parse.GetValue(review) ?? [], parse.GetValue(adjudicated), parse.GetValue(texts) ?? [])));
        return CommandHost.Invoke(root, args, "studio", output, error);
    }

    private static async Task<int> Serve(ParseResult parse, CancellationToken ct, string? modelPath, int port, string host, string? token,
        string? reportsDir, LabellingFiles labelling, string annotator, ReviewFiles reviewFiles)
    {
        var error = parse.InvocationConfiguration.Error;
        var address = ListenAddress.Parse(host);
        ApiHost.CheckToken(token);
        var index = reportsDir is null ? ReportIndex.Empty : ReportIndex.Scan(reportsDir);
        var path = ModelLocator.Resolve(modelPath);
        var classifier = ModelFile.Load(path);
        token = ApiHost.ResolveToken("studio", host, address, token, error);
        var options = new StudioOptions(address, port, token, path, index, labelling, reviewFiles);
        var (desk, store) = LabelSessionFactory.Open(labelling, classifier, annotator, error, path);
        using var held = store;
        var (reviewDesk, reviewStore) = ReviewSessionFactory.Open(reviewFiles, labelling.Schema, annotator, error);
        using var heldReview = reviewStore;
        var app = StudioApp.Build(new ArticleScoringService(classifier), options, labelling: desk, review: reviewDesk);
        await using (app)
        {
            var heads = string.Join(", ", classifier.Heads.Select(h => h.Name));
            var found = (reportsDir is null ? "" : $"; {index.Entries.Count} report(s) in {reportsDir}")
                + (desk.Session is { } session ? $"; labelling {labelling.Input} into {labelling.Labels} ({session.Progress.Remaining} to go, on /label)" : "")
                + (reviewDesk.Session is { } r ? $"; reviewing {r.Items.Count} disagreement(s) of {string.Join(", ", r.Annotators)} into {reviewFiles.Adjudicated} ({r.Items.Count - r.AdjudicatedCount} to go, on /review)" : "");
            return await ApiHost.RunAsync(app, "studio", host, port,
                bound => $"studio: serving {bound} (model {path}: {heads}{found}); open {StudioApp.OpenAddress(bound, token is null ? null : "TOKEN")}; Ctrl-C stops",
                error, ct);
        }
    }
}
