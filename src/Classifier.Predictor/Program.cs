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
        using var writer = CreateWriter(options, output, classifier);
        // A progress bar only when the results go elsewhere: drawn on the terminal that shows the table, it would garble it.
        var progress = Ui.IsTerminal(output) ? Ui.Create(error, forceInteractive: false) : Ui.Create(error);
        var files = ArticleReader.ResolveFiles(paths);
        // Text files are one article each, so they measure progress; a CSV of articles has an unknown number of rows.
        bool countable = files.All(f => !f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));
        int articles = Ui.WithProgress(progress, "predicting", tick =>
        {
            int done = 0, paragraphs = 0;
            // Articles are scored a chunk at a time on every core and written in input order: one at a time, a file
            // of short articles keeps one core busy and spends much of its time outside the model (splitting,
            // per-article set-up), so the second core roughly doubles throughput.
            var pending = new List<Article>(ChunkSize);
            var results = new ArticleResult[ChunkSize];
            var scoringOptions = new ScoringOptions(options.TopK, options.Explain, options.ExplainTerms);
            void Flush()
            {
                ScoreChunk(pending, results, scoring, scoringOptions, ct);
                for (int i = 0; i < pending.Count; i++)
                {
                    writer.Write(results[i]);
                    paragraphs += results[i].Paragraphs.Count;
                    done++;
                    tick(countable ? (double)done / files.Count : double.NaN, $"{done:N0} articles, {paragraphs:N0} paragraphs");
                }
                pending.Clear();
                Array.Clear(results);
            }
            using var reader = ArticleReader.Read(paths, textColumn, idColumn, stdin, w => error.WriteLine($"predictor: warning: {w}")).GetEnumerator();
            while (true)
            {
                bool more;
                // The articles read before a bad input are still written, as when articles were scored one by one.
                try { more = reader.MoveNext(); }
                catch { Flush(); throw; }
                if (!more) break;
                ct.ThrowIfCancellationRequested();
                pending.Add(reader.Current);
                if (pending.Count == ChunkSize) Flush();
            }
            Flush();
            return done;
        });
        writer.Complete();
        if (articles == 0) throw new InputException("no articles found in the input", string.Join(", ", paths));
        return ExitCodes.Success;
    }

    /// <summary>Articles scored together (each on its own) before their results are written, in order.</summary>
    private const int ChunkSize = 64;

    /// <summary>Scores <paramref name="articles"/> into <paramref name="results"/> (same order), in parallel when there are several.</summary>
    private static void ScoreChunk(List<Article> articles, ArticleResult[] results, ArticleScoringService scoring, ScoringOptions options, CancellationToken ct)
    {
        if (articles.Count == 1) results[0] = scoring.ScoreArticle(articles[0], options, ct);
        if (articles.Count <= 1) return;
        try
        {
            Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = ct }, i => results[i] = scoring.ScoreArticle(articles[i], options, ct));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The error reporter maps exception types to exit codes: it must see the article's exception, not the wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    private static IResultWriter CreateWriter(PredictorOptions options, TextWriter output, TextClassifier classifier) => options.Format switch
    {
        "csv" => new CsvResultWriter(output, classifier.Heads, options.Explain),
        "json" => new JsonResultWriter(output, lines: false, options.TopK, classifier.Heads),
        "jsonl" => new JsonResultWriter(output, lines: true, options.TopK, classifier.Heads),
        _ => new TableResultWriter(Ui.Create(output, forceInteractive: Ui.IsTerminal(output)), classifier.Heads, options),
    };
}
