using Classifier.Api.Endpoints;
using Classifier.Scoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Classifier.Api;

/// <summary>
/// The scoring API: <c>POST /v1/predict</c>, <c>GET /v1/model</c>, <c>GET /healthz</c> and the OpenAPI document at
/// <c>/openapi/v1.json</c>. <see cref="Build"/> makes a server of its own (<c>predictor serve</c>); another host (the
/// studio) adds the same endpoints with <see cref="AddScoringApi"/> and <see cref="MapScoringApi"/>. No endpoint
/// touches the file system: the model is loaded before the server starts and shared by every request.
/// </summary>
public static class ScoringApi
{
    /// <summary>A server for <paramref name="scoring"/> on <see cref="ScoringApiOptions.Address"/>; start it with StartAsync.</summary>
    public static WebApplication Build(ArticleScoringService scoring, ScoringApiOptions options, LogLevel logLevel = LogLevel.Warning)
    {
        ArgumentNullException.ThrowIfNull(scoring);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Token is null && ApiToken.Required(options.Address))
            throw new ArgumentException($"{options.Address} is reachable from other machines: give a token", nameof(options));
        var builder = CreateBuilder(options, logLevel);
        builder.Services.AddScoringApi(scoring, options.EffectiveLimits);
        var app = builder.Build();
        app.UseScoringApi(options.Token);
        app.MapScoringApi();
        return app;
    }

    /// <summary>
    /// A host builder listening on <see cref="ScoringApiOptions.Address"/> with the API's logging and body cap, and
    /// nothing mapped yet: <see cref="Build"/> adds the API alone, the studio adds its pages beside it.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(ScoringApiOptions options, LogLevel logLevel = LogLevel.Warning)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The program's folder as content root and no arguments: nothing in the working directory configures the server.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        // Diagnostics go to standard error, as the CLIs' do; standard output stays clean.
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(logLevel);
        // A failed start (a port in use) is reported by the caller in one line; the host's own report is a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.EffectiveLimits.MaxBodyBytes;
            kestrel.Listen(options.Address, options.Port);
        });
        return builder;
    }

    /// <summary>The scoring service, the caps, problem details and the OpenAPI document.</summary>
    public static IServiceCollection AddScoringApi(this IServiceCollection services, ArticleScoringService scoring, ScoringApiLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(scoring);
        services.AddSingleton(limits ?? ScoringApiLimits.Default);
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Classifier scoring API";
            document.Info.Description = "Scores news paragraphs by stance and topic (or any heads the loaded model has).";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>
    /// Errors as problem documents (an unknown path, a wrong method, a crash), and, with <paramref name="token"/>,
    /// 401 for every request without it except to endpoints marked anonymous (<c>/healthz</c>).
    /// </summary>
    public static WebApplication UseScoringApi(this WebApplication app, string? token)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages(WriteStatusProblem);
        app.UseRouting();
        if (token is not null)
        {
            app.Use(async (context, next) =>
            {
                // Checked before routing's 404 too, so an unauthenticated caller cannot probe which paths exist.
                bool open = context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                if (!open && !ApiToken.Matches(context.Request.Headers.Authorization, token))
                {
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    await ApiProblems.Unauthorized().ExecuteAsync(context);
                    return;
                }
                await next(context);
            });
        }
        return app;
    }

    /// <summary>A problem document for a status the framework set with no body: an unknown path, a wrong method or content type.</summary>
    private static async Task WriteStatusProblem(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            await ApiProblems.UnsupportedMediaType(http.Request.ContentType).ExecuteAsync(http);
            return;
        }
        var detail = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => $"there is no endpoint at '{http.Request.Path}'; {Endpoints}",
            StatusCodes.Status405MethodNotAllowed => $"'{http.Request.Path}' does not take {http.Request.Method}; {Endpoints}",
            _ => null,
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode, Detail = detail } });
    }

    private const string Endpoints = "the endpoints are POST /v1/predict, GET /v1/model, GET /healthz and GET /openapi/v1.json";

    /// <summary>The endpoints, grouped by feature: scoring and model under /v1, health, the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapScoringApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGroup("/v1").WithTags("Scoring").MapPredictEndpoints();
        endpoints.MapGroup("/v1").WithTags("Model").MapModelEndpoints();
        endpoints.MapHealthEndpoints();
        endpoints.MapOpenApi();
        return endpoints;
    }

    /// <summary>The address the started server listens on (with the real port when 0 was asked for).</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("the server has no addresses: start it first");
        return new Uri(addresses.First());
    }
}
