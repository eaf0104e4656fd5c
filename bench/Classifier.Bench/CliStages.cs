using System.Diagnostics;
using Classifier.Engine.Persistence;
using Classifier.Engine.Pipeline;
using Classifier.Scoring;
using Classifier.Scoring.Output;
using Classifier.Text.Ingestion;

namespace Classifier.Bench;

/// <summary>
/// bench cli-stages MODEL CSV [TEXT_COL] [ID_COL]: what each stage of <c>predictor --format jsonl</c> costs per article,
/// one thread, after a warm-up pass over the whole file (steady state): reading the CSV into articles, splitting them
/// into paragraphs, predicting, and writing JSON lines to a null stream. The CLI runs these on two cores at once, so
/// the sum is its CPU time per article, not its elapsed time.
/// </summary>
internal static class CliStages
{
    public static int Run(string[] args)
    {
        string modelPath = args[0], csv = args[1];
        string textColumn = args.Length > 2 ? args[2] : "text", idColumn = args.Length > 3 ? args[3] : "id";
        var model = ModelFile.Load(modelPath);
        var scoring = new ArticleScoringService(model);
        var splitter = new ParagraphSplitter(DropRules.Default);
        for (int pass = 0; pass < 2; pass++)
        {
            var clock = Stopwatch.StartNew();
            var articles = ArticleReader.Read([csv], textColumn, idColumn, TextReader.Null, _ => { }).ToList();
            double read = clock.Elapsed.TotalSeconds;

            clock.Restart();
            var texts = new List<string>(articles.Count);
            foreach (var article in articles)
                foreach (var p in splitter.Split(article).Kept) texts.Add(p.Text);
            double split = clock.Elapsed.TotalSeconds;

            clock.Restart();
            foreach (var text in texts) model.Predict(text);
            double predict = clock.Elapsed.TotalSeconds;

            // Scored as the predictor scores a chunk and lets it go: holding every result would make the GC promote
            // and copy them, which the predictor does not pay.
            clock.Restart();
            var options = new ScoringOptions(1, false, 0);
            for (int i = 0; i < articles.Count; i++) scoring.ScoreArticle(articles[i], options);
            double score = clock.Elapsed.TotalSeconds;
            var results = new ArticleResult[articles.Count];
            for (int i = 0; i < results.Length; i++) results[i] = scoring.ScoreArticle(articles[i], options);

            clock.Restart();
            using (var writer = new JsonResultWriter(new StreamWriter(Stream.Null), lines: true, topK: 1, model.Heads))
            {
                foreach (var result in results) writer.Write(result);
                writer.Complete();
            }
            double write = clock.Elapsed.TotalSeconds;

            double us(double seconds) => seconds * 1e6 / articles.Count;
            Console.WriteLine(
                $"pass {pass + 1}: {articles.Count:N0} articles, {texts.Count:N0} paragraphs; µs per article, one thread: " +
                $"read {us(read):F1}, split {us(split):F1}, predict {us(predict):F1}, " +
                $"score (split + predict + summary) {us(score):F1}, write jsonl {us(write):F1}; " +
                $"read + score + write {us(read + score + write):F1}");
        }
        return 0;
    }
}
