using System.CommandLine;
using Classifier.Cli;
using Classifier.Engine.Persistence;
using Classifier.Engine.Pipeline;
using Classifier.Predictor.Output;
using Classifier.Scoring;
using Classifier.Scoring.Output;
using Classifier.Text.Diagnostics;
using Classifier.Text.Ingestion;
using Spectre.Console;

namespace Classifier.Predictor;

public static class Program
{
    public static int Main(string[] args) => Run(args);

    /// <summary>Entry point shared by the executable and the end-to-end tests (which pass their own writers and input).</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null, TextReader? input = null)
    {
        Classifier.Embeddings.ArcticXsEmbedder.Register();
        Classifier.MlNet.MlNetEngine.Register();
        var paths = new Argument<string[]>("paths") { Description = "Text files, directories of .txt files, CSV files of articles (with --text-col), or - for standard input.", Arity = ArgumentArity.ZeroOrMore };
        var model = new Option<string?>("--model", "-m") { Description = "Model file. Default: $CLASSIFIER_MODEL, else models/default.zip." };
        var format = new Option<string>("--format", "-f") { Description = "table (for people), csv (a row per paragraph), json (an array of articles) or jsonl (an article per line).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json", "jsonl");
        var topK = new Option<int>("--top-k", "-k") { Description = "How many labels to show per head, most probable first.", DefaultValueFactory = _ => 1 }.AtLeast(1, "2");
        var explain = new Option<bool>("--explain") { Description = "Show the n-grams that pushed each decision, with their contributions (linear models, naive Bayes and ML.NET maximum-entropy heads)." };
        var textCol = new Option<string>("--text-col") { Description = "For CSV input: the column holding the article text.", DefaultValueFactory = _ => "text" };
        var idCol = new Option<string?>("--id-col") { Description = "For CSV input: the column holding the article id (default: file#row)." };
        var root = new RootCommand("predictor: score news articles per paragraph and per article (stance, topic, or any heads the model has).\n" +
            "Examples: predictor seeds/ | predictor --format jsonl --top-k 2 article.txt | cat article.txt | predictor -\n" +
            "The scoring API (HTTP, for pipelines): predictor serve --help\n" +
            "Exit codes: 0 ok, 2 bad command line, 3 bad input file, 4 bad model file, 5 cannot write output, 130 cancelled.")
        {
            paths, model, format, topK, explain, textCol, idCol,
        };
        root.Subcommands.Add(ServeCommand.Create());
        paths.RejectingUnknownOptions(() => Suggestions.Names(root));
        root.SetAction((parse, ct) => Task.FromResult(Predict(parse, ct,
            parse.GetValue(paths) ?? [], parse.GetValue(model), new PredictorOptions(parse.GetValue(format)!, parse.GetValue(topK), parse.GetValue(explain)),
            parse.GetValue(textCol)!, parse.GetValue(idCol), input)));
        return CommandHost.Invoke(root, args, "predictor", output, error);
    }

    private static int Predict(ParseResult parse, CancellationToken ct, string[] paths, string? modelPath, PredictorOptions options,
        string textColumn, string? idColumn, TextReader? input)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        if (paths.Length == 0)
        {
            // Waiting on a terminal for text nobody is going to type looks like a hang; say what is expected instead.
            if (StandardInput.IsTerminal(input))
                throw new UsageException("no input: give files or directories of articles, or pipe text in", "for example: predictor seeds/   or   cat article.txt | predictor -");
            paths = ["-"];
        }
        var classifier = ModelFile.Load(ModelLocator.Resolve(modelPath));
        var scoring = new ArticleScoringService(classifier);
        var stdin = input ?? StandardInput.Open();
        // A progress bar only when the results go elsewhere: drawn on the terminal that shows the table, it would garble it.
        var progress = Ui.IsTerminal(output) ? Ui.Create(error, forceInteractive: false) : Ui.Create(error);
        var held = options.Format == "table" ? null : new HeldOutput(output);
        try
        {
            using var writer = CreateWriter(options, held ?? output, classifier);
            return ScoreAll(writer, held, progress, ct, paths, options, textColumn, idColumn, stdin, error, scoring);
        }
        finally
        {
            // Whatever was written before a failure reaches the output, as when every article was flushed as written.
            held?.Release();
        }
    }

    private static int ScoreAll(IResultWriter writer, HeldOutput? held, IAnsiConsole progress, CancellationToken ct, string[] paths,
        PredictorOptions options, string textColumn, string? idColumn, TextReader stdin, TextWriter error, ArticleScoringService scoring)
    {
        var files = ArticleReader.ResolveFiles(paths);
        // Text files are one article each, so they measure progress; a CSV of articles has an unknown number of rows.
        bool countable = files.All(f => !f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));
        var scoringOptions = new ScoringOptions(options.TopK, options.Explain, options.ExplainTerms);
        int articles = Ui.WithProgress(progress, "predicting", tick =>
        {
            int done = 0, paragraphs = 0;
            // Articles are scored a chunk at a time on every core and written in input order: one at a time, a file
            // of short articles keeps one core busy and spends much of its time outside the model (splitting,
            // per-article set-up). While one chunk is scored, this thread writes the one before and reads the one
            // after, so reading and writing do not leave the cores idle between chunks.
            Task<ArticleResult[]>? inFlight = null;
            void Write(ArticleResult[] results)
            {
                foreach (var result in results)
                {
                    writer.Write(result);
                    paragraphs += result.Paragraphs.Count;
                    done++;
                    tick(countable ? (double)done / files.Count : double.NaN, $"{done:N0} articles, {paragraphs:N0} paragraphs");
                }
                held?.Release();
            }
            ArticleResult[] Finish(Task<ArticleResult[]> chunk)
            {
                try
                {
                    return chunk.GetAwaiter().GetResult();
                }
                finally
                {
                    inFlight = null;
                }
            }
            using var reader = ArticleReader.Read(paths, textColumn, idColumn, stdin, w => error.WriteLine($"predictor: warning: {w}")).GetEnumerator();
            try
            {
                bool ended = false;
                while (!ended)
                {
                    var next = new List<Article>(ChunkSize);
                    while (next.Count < ChunkSize)
                    {
                        bool more;
                        try { more = reader.MoveNext(); }
                        catch
                        {
                            // The articles read before a bad input are still written, as when articles were scored one by one.
                            if (inFlight is not null) Write(Finish(inFlight));
                            Write(ScoreChunk(next, scoring, scoringOptions, ct));
                            throw;
                        }
                        if (!more) { ended = true; break; }
                        ct.ThrowIfCancellationRequested();
                        next.Add(reader.Current);
                    }
                    var previous = inFlight is null ? null : Finish(inFlight);
                    if (next.Count > 0) inFlight = Task.Run(() => ScoreChunk(next, scoring, scoringOptions, ct), ct);
                    if (previous is not null) Write(previous);
                }
                if (inFlight is not null) Write(Finish(inFlight));
            }
            finally
            {
                // A run that fails while a chunk is being scored waits for it, so no scoring outlives the run.
                if (inFlight is not null) ((Task)inFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
            }
            return done;
        });
        writer.Complete();
        if (articles == 0) throw new InputException("no articles found in the input", string.Join(", ", paths));
        return ExitCodes.Success;
    }

    /// <summary>Articles scored together (each on its own) before their results are written, in order.</summary>
    private const int ChunkSize = 64;

    /// <summary>Scores <paramref name="articles"/>, results in the same order, in parallel when there are several.</summary>
    private static ArticleResult[] ScoreChunk(List<Article> articles, ArticleScoringService scoring, ScoringOptions options, CancellationToken ct)
    {
        var results = new ArticleResult[articles.Count];
        if (articles.Count == 1) results[0] = scoring.ScoreArticle(articles[0], options, ct);
        if (articles.Count <= 1) return results;
        try
        {
            Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = ct }, i => results[i] = scoring.ScoreArticle(articles[i], options, ct));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The error reporter maps exception types to exit codes: it must see the article's exception, not the wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return results;
    }

    private static IResultWriter CreateWriter(PredictorOptions options, TextWriter output, TextClassifier classifier) => options.Format switch
    {
        "csv" => new CsvResultWriter(output, classifier.Heads, options.Explain),
        "json" => new JsonResultWriter(output, lines: false, options.TopK, classifier.Heads),
        "jsonl" => new JsonResultWriter(output, lines: true, options.TopK, classifier.Heads),
        _ => new TableResultWriter(Ui.Create(output, forceInteractive: Ui.IsTerminal(output)), classifier.Heads, options),
    };
}
