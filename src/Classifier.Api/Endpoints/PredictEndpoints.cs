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
        var options = new ScoringOptions(body!.TopK ?? 1, body.Explain);
        IReadOnlyList<ArticleResult> results;
        try
        {
            if (body.Text is { } text) results = [scoring.ScoreText(text, options, body.Id ?? "text", Source)];
            else if (body.Article is { } article) results = [scoring.ScoreArticle(new Article(body.Id ?? "article", Source, article), options, cancellationToken)];
            else
            {
                var texts = body.Texts!.Select(t => t!).ToList();
                var ids = Enumerable.Range(0, texts.Count).Select(i => $"{body.Id ?? "texts"}[{i}]").ToList();
                results = scoring.ScoreTexts(texts, options, ids, Source, cancellationToken);
            }
        }
        catch (InputException e)
        {
            // A drop rule that ran past its timeout: the article's lines are the problem, not the server.
            return ApiProblems.Unprocessable($"{e.Message}; send the article's paragraphs as 'texts' instead");
        }
        return new ArticlesJson(results, scoring.Heads, options.TopK);
    }
}
