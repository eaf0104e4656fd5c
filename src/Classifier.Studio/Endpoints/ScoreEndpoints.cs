using Classifier.Api;
using Classifier.Api.Endpoints;
using Classifier.Scoring;
using Classifier.Scoring.Output;
using Classifier.Studio.Contracts;
using Classifier.Studio.Highlighting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Classifier.Studio.Endpoints;

/// <summary>
/// What the Score page needs beyond <c>POST /v1/predict</c> (which it calls for the scores and the JSON download):
/// where the explanation terms are in each paragraph, and the predictor's CSV for the same request.
/// </summary>
public static class ScoreEndpoints
{
    private const int MaxParagraphs = 10_000;

    public static RouteGroupBuilder MapScoreEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/highlights", Highlights)
            .WithName("Highlights")
            .WithSummary("Where each paragraph's explanation terms occur in its text (UTF-16 offsets)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/score.csv", Csv)
            .WithName("ScoreCsv")
            .WithSummary("The body of POST /v1/predict scored, as `predictor --format csv` prints it")
            .Accepts<Classifier.Api.Contracts.PredictRequest>("application/json")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return group;
    }

    private static Results<Ok<HighlightResponse>, ProblemHttpResult> Highlights(HighlightRequest body, ScoringApiLimits limits)
    {
        if (body.Paragraphs is null) return ApiProblems.BadRequest("give 'paragraphs': [{\"text\": \"...\", \"terms\": [\"...\"]}]", "paragraphs");
        if (body.Paragraphs.Count > MaxParagraphs)
            return ApiProblems.TooLarge($"'paragraphs' has {body.Paragraphs.Count:N0} entries, more than {MaxParagraphs:N0}", "paragraphs");
        var spans = new List<IReadOnlyList<HighlightSpan>>(body.Paragraphs.Count);
        for (int i = 0; i < body.Paragraphs.Count; i++)
        {
            var p = body.Paragraphs[i];
            if (p?.Text is null) return ApiProblems.BadRequest($"'paragraphs[{i}].text' is missing; give the paragraph's text", $"paragraphs[{i}].text");
            if (System.Text.Encoding.UTF8.GetByteCount(p.Text) > limits.MaxTextBytes)
                return ApiProblems.TooLarge($"'paragraphs[{i}].text' is longer than {limits.MaxTextBytes:N0} bytes", $"paragraphs[{i}].text");
            spans.Add(TermHighlighter.Find(p.Text, p.Terms?.Where(t => t is not null) ?? []));
        }
        return TypedResults.Ok(new HighlightResponse(spans));
    }

    private static async Task<Results<CsvText, ProblemHttpResult>> Csv(HttpRequest request, ArticleScoringService scoring, ScoringApiLimits limits, CancellationToken cancellationToken)
    {
        var (body, problem) = await PredictRequestReader.ReadAsync(request, limits, cancellationToken);
        if (problem is not null) return problem;
        var (results, _, failed) = PredictEndpoints.Score(body!, scoring, cancellationToken);
        if (failed is not null) return failed;
        var text = new StringWriter();
        using (var writer = new CsvResultWriter(text, scoring.Heads, body!.Explain))
        {
            foreach (var article in results!) writer.Write(article);
            writer.Complete();
        }
        return new CsvText(text.ToString(), $"{SafeName(body.Id ?? "article")}.csv");
    }

    /// <summary>A download name from the article id: letters, digits, dots and dashes only, so the header needs no quoting rules.</summary>
    private static string SafeName(string id) => Reports.ReportIndex.Slug(id);
}
