using Classifier.Api;
using Classifier.Studio.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Classifier.Studio.Endpoints;

/// <summary>
/// The pages and their assets, all from <see cref="StudioAssets"/>; <c>/login</c> turns a token in the address into
/// a cookie, since a browser cannot send a bearer header when it loads a page.
/// </summary>
public static class PageEndpoints
{
    public const string TokenCookie = "studio_token";

    /// <summary>Pages, by path.</summary>
    private static readonly (string Path, string Asset)[] Pages =
    [
        ("/score", "score.html"),
        ("/reports", "reports.html"),
        ("/label", "label.html"),
        ("/review", "review.html"),
    ];

    public static IEndpointRouteBuilder MapPageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/", () => TypedResults.Redirect("/score")).ExcludeFromDescription();
        foreach (var (path, asset) in Pages)
            endpoints.MapGet(path, (StudioAssets assets) => Page(assets.Get(asset))).ExcludeFromDescription();
        endpoints.MapGet("/assets/{name}", Asset).ExcludeFromDescription();
        endpoints.MapGet("/login", Login).ExcludeFromDescription().WithMetadata(new AllowAnonymousAttribute());
        endpoints.MapGet("/studio/v1/info", (StudioOptions options, Classifier.Scoring.ArticleScoringService scoring) =>
                TypedResults.Ok(new StudioInfo(options.ModelPath, [.. scoring.Heads.Select(h => h.Name)],
                    options.Labelling.Labels, options.Labelling.Input, options.Labelling.Rules)))
            .WithName("StudioInfo").WithTags("Studio").WithSummary("The model and files the studio was started with");
        return endpoints;
    }

    private static Results<StudioPage, ProblemHttpResult> Asset(string name, StudioAssets assets) =>
        name.EndsWith(".html", StringComparison.Ordinal) || assets.Find(name) is not { } asset
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"there is no asset '{name}'")
            : new StudioPage(asset);

    private static StudioPage Page(StudioAsset asset) => new(asset);

    /// <summary>
    /// <c>/login?token=T</c>: with the right token, a cookie only this site's requests carry (SameSite=Strict, so
    /// another site's page cannot make the browser score or read reports with it), then the Score page.
    /// </summary>
    private static Results<RedirectHttpResult, ProblemHttpResult> Login(string? token, StudioOptions options, HttpContext context)
    {
        if (options.Token is null) return TypedResults.Redirect("/score");
        if (token is null || !ApiToken.Matches("Bearer " + token, options.Token))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiProblems.Unauthorized();
        }
        context.Response.Cookies.Append(TokenCookie, options.Token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });
        return TypedResults.Redirect("/score");
    }
}
