using Classifier.Api;
using Classifier.Labelling;
using Classifier.Studio.Contracts;
using Classifier.Studio.Labelling;
using Classifier.Text.Labelling;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Classifier.Studio.Endpoints;

/// <summary>
/// What the Label and Review endpoints share: reading a request's labels by head name, and turning the labelling
/// core's refusals into problem documents (400 bad labels naming the field, 404 unknown id, 409 conflicts), so both
/// pages answer a bad request the same way.
/// </summary>
internal static class LabelProblems
{
    /// <summary>The id and one label per head in the schema's order (null where not given); an unknown head name is refused before the core sees it.</summary>
    public static (string Id, string?[] Labels) Read(LabellingSchema schema, LabelAnswerRequest request)
    {
        var id = request.Id is { Length: > 0 } given ? given : throw new FieldException("id", "give the id of the paragraph");
        if (request.Labels is null) throw new FieldException("labels", "give the labels as an object of head name to value, e.g. {\"stance\": \"neutral\"}");
        var heads = schema.Heads;
        var labels = new string?[heads.Count];
        foreach (var (name, value) in request.Labels)
        {
            int h = -1;
            for (int i = 0; i < heads.Count; i++) if (string.Equals(heads[i].Name, name, StringComparison.OrdinalIgnoreCase)) h = i;
            if (h < 0) throw new FieldException("labels." + name, $"unknown head '{name}'; the heads are: {string.Join(", ", schema.HeadNames)}");
            labels[h] = value;
        }
        return (id, labels);
    }

    /// <summary>The action's result, or the problem document for the refusal it ended with (nothing was written for one).</summary>
    public static Results<Ok<T>, ProblemHttpResult> Run<T>(Func<T> action)
    {
        try
        {
            return TypedResults.Ok(action());
        }
        catch (FieldException e)
        {
            return ApiProblems.BadRequest(e.Message, e.Field);
        }
        catch (AnswerRejectedException e)
        {
            var detail = $"{e.Message}; {e.Hint}";
            return e.Kind switch
            {
                RejectionKind.UnknownLabel or RejectionKind.MissingLabel => ApiProblems.BadRequest(detail, "labels"),
                RejectionKind.UnknownParagraph => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: detail),
                RejectionKind.AlreadyAnswered => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already answered",
                    detail: detail + " (another tab or session answered it; the page shows the next paragraph)"),
                _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail),
            };
        }
        catch (LabelsFileChangedException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Labels file changed on disk", detail: $"{e.Message}; {e.Hint}");
        }
    }
}
