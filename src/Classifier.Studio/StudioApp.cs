using Classifier.Api;
using Classifier.Scoring;
using Classifier.Studio.Endpoints;
using Classifier.Studio.Labelling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classifier.Studio;

/// <summary>
/// The studio's server: the scoring API exactly as <c>predictor serve</c> hosts it (same endpoints, caps, token rule
/// and errors, from <see cref="ScoringApi"/>), plus the pages and their data under <c>/studio/v1</c>.
/// </summary>
public static class StudioApp
{
    public static WebApplication Build(ArticleScoringService scoring, StudioOptions options, LogLevel logLevel = LogLevel.Warning, LabelDesk? labelling = null, ReviewDesk? review = null)
    {
        ArgumentNullException.ThrowIfNull(scoring);
        ArgumentNullException.ThrowIfNull(options);
        var api = new ScoringApiOptions(options.Address, options.Port, options.Token);
        if (options.Token is null && ApiToken.Required(options.Address))
            throw new ArgumentException($"{options.Address} is reachable from other machines: give a token", nameof(options));
        var builder = ScoringApi.CreateBuilder(api, logLevel);
        builder.Services.AddScoringApi(scoring, api.EffectiveLimits);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Reports);
        builder.Services.AddSingleton(StudioAssets.Load());
        builder.Services.AddSingleton(labelling ?? LabelDesk.None);
        builder.Services.AddSingleton(review ?? ReviewDesk.None);
        var app = builder.Build();
        if (options.Token is not null)
        {
            // Pages load without headers: the cookie /login set stands in for the bearer header the API checks.
            app.Use((context, next) =>
            {
                if (!context.Request.Headers.ContainsKey("Authorization") && context.Request.Cookies.TryGetValue(PageEndpoints.TokenCookie, out var cookie))
                    context.Request.Headers.Authorization = "Bearer " + cookie;
                return next(context);
            });
        }
        app.UseScoringApi(options.Token);
        app.MapScoringApi();
        app.MapGroup("/studio/v1").WithTags("Studio").MapScoreEndpoints().MapLabelEndpoints().MapReviewEndpoints();
        app.MapReportEndpoints();
        app.MapPageEndpoints();
        return app;
    }

    /// <summary>The address a person opens: /login with the token when one is needed (so the browser gets its cookie).</summary>
    public static string OpenAddress(Uri bound, string? token) =>
        token is null ? new Uri(bound, "/score").ToString() : new Uri(bound, "/login?token=" + Uri.EscapeDataString(token)).ToString();
}
