using Microsoft.AspNetCore.Http;

namespace Classifier.Studio.Endpoints;

/// <summary>
/// An embedded page or asset, with a policy that lets it load only this server's own script, style and frames: no
/// CDN, and no inline script, so text that slipped past escaping still could not run.
/// </summary>
public sealed class StudioPage(StudioAsset asset) : IResult
{
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = asset.ContentType;
        httpContext.Response.Headers.ContentSecurityPolicy = Policy;
        httpContext.Response.Headers.XContentTypeOptions = "nosniff";
        httpContext.Response.Headers.CacheControl = "no-cache";
        httpContext.Response.ContentLength = asset.Bytes.Length;
        await httpContext.Response.Body.WriteAsync(asset.Bytes, httpContext.RequestAborted);
    }
}
