using System.Text;
using Microsoft.AspNetCore.Http;

namespace Classifier.Studio.Endpoints;

/// <summary>A CSV download (UTF-8, no BOM, as the predictor writes it) with the file name the browser should save it under.</summary>
public sealed class CsvText(string csv, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(csv);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "text/csv; charset=utf-8";
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        httpContext.Response.ContentLength = bytes.Length;
        await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}
