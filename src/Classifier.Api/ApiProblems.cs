using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Classifier.Api;

/// <summary>
/// The API's errors as RFC 7807 problem documents (<c>application/problem+json</c>). Every detail says what to do;
/// <c>field</c>, when present, names the request field at fault, so a client can point at it.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail, string? field = null) =>
        Problem(StatusCodes.Status400BadRequest, "Invalid request", detail, field);

    public static ProblemHttpResult TooLarge(string detail, string? field = null) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", detail, field);

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
            $"the body was sent as '{contentType ?? "(no Content-Type)"}'; send JSON with 'Content-Type: application/json'", null);

    public static ProblemHttpResult Unauthorized() =>
        Problem(StatusCodes.Status401Unauthorized, "Unauthorized",
            "this server requires a token: send 'Authorization: Bearer TOKEN' with the token it was started with (--token, or the one it printed)", null);

    public static ProblemHttpResult Unprocessable(string detail) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "Cannot score this input", detail, null);

    private static ProblemHttpResult Problem(int status, string title, string detail, string? field) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title,
            extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });
}
