using Classifier.Api;
using Classifier.Studio.Contracts;
using Classifier.Studio.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Classifier.Studio.Endpoints;

/// <summary>
/// The Reports page's data: the list found at start, and each report's own HTML by name. A name is looked up in
/// the <see cref="ReportIndex"/> and nowhere else, so no part of a request path reaches the file system.
/// </summary>
public static class ReportEndpoints
{
    public const string FilesPrefix = "/report-files/";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/studio/v1/reports", List)
            .WithName("Reports")
            .WithTags("Studio")
            .WithSummary("The accuracy reports found under --reports when the studio started");
        // {**rest} catches every path below the prefix (slashes, dots, encoded ones), so all of them get this endpoint's 404.
        endpoints.MapGet(FilesPrefix + "{**name}", File)
            .WithName("ReportFile")
            .WithTags("Studio")
            .WithSummary("One report's HTML, by the name the list gives")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static Ok<ReportList> List(ReportIndex index) =>
        TypedResults.Ok(new ReportList(index.Directory is not null,
            [.. index.Entries.Select(e => new ReportSummary(e.Name, e.Title, e.Modified, FilesPrefix + e.Name))]));

    private static async Task<Results<ReportHtml, ProblemHttpResult>> File(string? name, ReportIndex index, CancellationToken cancellationToken)
    {
        if (name is null || index.Find(name) is not { } entry)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                detail: "there is no report by that name; the Reports page (/reports) lists the reports found at start");
        string html;
        try
        {
            html = await System.IO.File.ReadAllTextAsync(entry.File, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Listed at start, gone or unreadable since (a rerun replacing it): say so rather than fail the page.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                detail: $"the report '{entry.Title}' was listed at start but cannot be read now ({e.GetType().Name}); restart the studio to list the reports again");
        }
        return new ReportHtml(html);
    }
}
