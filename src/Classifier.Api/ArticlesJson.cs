using System.Reflection;
using System.Text;
using Classifier.Engine.Pipeline;
using Classifier.Scoring;
using Classifier.Scoring.Output;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Classifier.Api;

/// <summary>
/// A 200 response in the predictor's JSON schema (<c>predictor --format json</c>: an array of articles), written by
/// the predictor's own writer so the two cannot drift apart.
/// </summary>
public sealed class ArticlesJson(IReadOnlyList<ArticleResult> articles, IReadOnlyList<ClassifierHead> heads, int topK) : IResult, IEndpointMetadataProvider
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public IReadOnlyList<ArticleResult> Articles { get; } = articles;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var text = new StringWriter();
        using (var writer = new JsonResultWriter(text, lines: false, topK, heads))
        {
            foreach (var article in Articles) writer.Write(article);
            writer.Complete();
        }
        // Rendered first, then sent asynchronously: the writer is synchronous, and the server refuses synchronous writes.
        var bytes = Utf8.GetBytes(text.ToString());
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = bytes.Length;
        await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(object), ["application/json"]));
    }
}
