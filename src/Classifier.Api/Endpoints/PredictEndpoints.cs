using Classifier.Api.Contracts;
using Classifier.Scoring;
using Classifier.Text.Diagnostics;
using Classifier.Text.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Classifier.Api.Endpoints;

/// <summary><c>POST /v1/predict</c>: one text, many texts or an article in, the predictor's JSON schema out.</summary>
public static class PredictEndpoints
{
    /// <summary>What the response's <c>source</c> field says: the text came in a request, not from a file.</summary>
    public const string Source = "request";

    public static RouteGroupBuilder MapPredictEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/predict", Predict)
            .WithName("Predict")
            .WithSummary("Score one text, many texts, or an article split into paragraphs")
            .WithDescription("Body: exactly one of {\"text\": \"...\"}, {\"texts\": [\"...\"]} or {\"article\": \"...\"}, with optional \"id\", " +
                "\"explain\" (true lists the n-grams behind each label) and \"topK\". The response is what `predictor --format json` prints: an array of " +
                "articles (one per text, or the one article) with their paragraphs' labels, probabilities, slant and distribution.")
            .Accepts<PredictRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static async Task<Results<ArticlesJson, ProblemHttpResult>> Predict(HttpRequest request, ArticleScoringService scoring, ScoringApiLimits limits, CancellationToken cancellationToken)
    {
        var (body, problem) = await PredictRequestReader.ReadAsync(request, limits, cancellationToken);
        if (problem is not null) return problem;
        var (results, options, failed) = Score(body!, scoring, cancellationToken);
        if (failed is not null) return failed;
        return new ArticlesJson(results!, scoring.Heads, options.TopK);
    }

    /// <summary>
    /// Scores a checked request (one text, many, or an article) as <c>POST /v1/predict</c> does, for hosts that answer
    /// in another format (the studio's CSV download): the results, the options they were scored with, or a problem.
    /// </summary>
    public static (IReadOnlyList<ArticleResult>? Results, ScoringOptions Options, ProblemHttpResult? Problem) Score(
        PredictRequest body, ArticleScoringService scoring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(scoring);
        var options = new ScoringOptions(body.TopK ?? 1, body.Explain);
        try
        {
            if (body.Text is { } text) return ([scoring.ScoreText(text, options, body.Id ?? "text", Source)], options, null);
            if (body.Article is { } article) return ([scoring.ScoreArticle(new Article(body.Id ?? "article", Source, article), options, cancellationToken)], options, null);
            var texts = body.Texts!.Select(t => t!).ToList();
            var ids = Enumerable.Range(0, texts.Count).Select(i => $"{body.Id ?? "texts"}[{i}]").ToList();
            return (scoring.ScoreTexts(texts, options, ids, Source, cancellationToken), options, null);
        }
        catch (InputException e)
        {
            // A drop rule that ran past its timeout: the article's lines are the problem, not the server.
            return (null, options, ApiProblems.Unprocessable($"{e.Message}; send the article's paragraphs as 'texts' instead"));
        }
    }
}
