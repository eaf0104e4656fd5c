using Classifier.Api.Contracts;
using Classifier.Scoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Classifier.Api.Endpoints;

/// <summary><c>GET /v1/model</c>: the loaded model's heads, labels, trainers and training facts from its manifest.</summary>
public static class ModelEndpoints
{
    public static RouteGroupBuilder MapModelEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/model", Describe)
            .WithName("Model")
            .WithSummary("The loaded model: heads, labels, trainers and training information")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return group;
    }

    private static Ok<ModelDescription> Describe(ArticleScoringService scoring) => TypedResults.Ok(ModelDescription.Of(scoring.Model));
}
