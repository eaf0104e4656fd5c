using System.Text;
using Microsoft.AspNetCore.Http;

namespace Classifier.Studio.Endpoints;

/// <summary>
/// A report page as `trainer evaluate` wrote it. Reports are self-contained (inline CSS and SVG, no scripts), so the
/// policy allows nothing else: a paragraph quoted in a report can never run as script, even if an older or
/// hand-edited report failed to escape it.
/// </summary>
public sealed class ReportHtml(string html) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(html);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        httpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox";
        httpContext.Response.ContentLength = bytes.Length;
        await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}
