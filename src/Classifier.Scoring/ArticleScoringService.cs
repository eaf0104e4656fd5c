using Classifier.Engine.Pipeline;
using Classifier.Text.Ingestion;

namespace Classifier.Scoring;

/// <summary>
/// Scores texts with one loaded model: a single text or many (each scored as a paragraph of its own), or an article
/// split into paragraphs by the ingestion rules. Holds no per-call state, so one instance serves many threads at once
/// (as <see cref="TextClassifier"/> does). Each paragraph is featurized once per call, explanations included.
/// </summary>
public sealed class ArticleScoringService
{
    private readonly ParagraphSplitter _splitter;

    public ArticleScoringService(TextClassifier model, ParagraphSplitter? splitter = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _splitter = splitter ?? new ParagraphSplitter(DropRules.Default);
    }

    public TextClassifier Model { get; }

    public IReadOnlyList<ClassifierHead> Heads => Model.Heads;

    /// <summary>
    /// Splits <paramref name="article"/> into paragraphs (dropping what is not prose, as <c>trainer ingest</c> does) and
    /// scores them together, so article context, when the model has it, sees every paragraph.
    /// </summary>
    public ArticleResult ScoreArticle(Article article, ScoringOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(options);
        var paragraphs = _splitter.Split(article).Kept;
        var texts = new string[paragraphs.Count];
        for (int i = 0; i < texts.Length; i++) texts[i] = paragraphs[i].Text;
        cancellationToken.ThrowIfCancellationRequested();
        var results = new ParagraphResult[paragraphs.Count];
        if (texts.Length == 1 && !options.Explain)
        {
            // An article of one paragraph is its own context, so predicting the text alone gives the same predictions;
            // it skips the article path's parallel loop over paragraphs, which costs more than it shares when the
            // caller already scores many articles on every core.
            results[0] = new ParagraphResult(paragraphs[0].Id, paragraphs[0].Index, paragraphs[0].Text, Model.Predict(texts[0]), null);
            return Result(article.Id, article.Source, results);
        }
        var scored = Model.PredictArticle(texts, options.Explain ? options.ExplainTerms : 0, cancellationToken);
        for (int i = 0; i < results.Length; i++)
            results[i] = new ParagraphResult(paragraphs[i].Id, paragraphs[i].Index, paragraphs[i].Text, scored[i].Predictions, scored[i].Explanations);
        return Result(article.Id, article.Source, results);
    }

    /// <summary>
    /// Scores one text as one paragraph, as given (not split). A text with no letter in any script gets no paragraph,
    /// as the ingestion rules drop such a line: a label from no evidence would be a tie broken by label order.
    /// </summary>
    public ArticleResult ScoreText(string text, ScoringOptions options, string id = "text", string source = "") =>
        ScoreTexts([text], options, [id], source)[0];

    /// <summary>
    /// Scores each text as an article of one paragraph (<see cref="ScoreText"/>), on all cores; results in text order.
    /// Texts are independent: none is another's article context. <paramref name="ids"/> names each result's article.
    /// </summary>
    public IReadOnlyList<ArticleResult> ScoreTexts(IReadOnlyList<string> texts, ScoringOptions options, IReadOnlyList<string> ids,
        string source = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count != texts.Count) throw new ArgumentException($"one id per text: {texts.Count} texts, {ids.Count} ids", nameof(ids));
        var scorable = new List<int>(texts.Count);
        for (int i = 0; i < texts.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(texts[i]);
            if (HasWords(texts[i])) scorable.Add(i);
        }
        var scored = Model.PredictEach([.. scorable.Select(i => texts[i])], options.Explain ? options.ExplainTerms : 0, cancellationToken);
        var results = new ArticleResult[texts.Count];
        for (int i = 0; i < texts.Count; i++) results[i] = Result(ids[i], source, []);
        for (int j = 0; j < scorable.Count; j++)
        {
            int i = scorable[j];
            results[i] = Result(ids[i], source, [new ParagraphResult($"{ids[i]}:1", 1, texts[i], scored[j].Predictions, scored[j].Explanations)]);
        }
        return results;
    }

    private ArticleResult Result(string id, string source, IReadOnlyList<ParagraphResult> paragraphs)
    {
        var predictions = new HeadPrediction[paragraphs.Count][];
        for (int i = 0; i < predictions.Length; i++) predictions[i] = paragraphs[i].Predictions;
        return new ArticleResult(id, source, paragraphs, ArticleScorer.Summarize(id, Model.Heads, predictions));
    }

    private static bool HasWords(string text)
    {
        // Runes, so a letter outside the BMP counts as the drop rule's \p{L} counts it.
        foreach (var r in text.EnumerateRunes()) if (System.Text.Rune.IsLetter(r)) return true;
        return false;
    }
}
