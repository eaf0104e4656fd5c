using Classifier.Api.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Classifier.Api.Endpoints;

/// <summary>
/// <c>GET /healthz</c>. Open even when a token is required: probes (load balancers, container runtimes) rarely carry
/// credentials, and the answer reveals nothing but that the server is up.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/healthz", Health)
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Whether the server is up (no token needed)")
            .WithMetadata(new AllowAnonymousAttribute());
        return endpoints;
    }

    private static Ok<HealthStatus> Health() => TypedResults.Ok(new HealthStatus("ok"));
}
