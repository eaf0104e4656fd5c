using Classifier.Labelling;
using Classifier.Studio.Contracts;
using Classifier.Studio.Labelling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Classifier.Studio.Endpoints;

/// <summary>
/// The Review page's data: the studio's one <see cref="ReviewSession"/> over HTTP, with the Label endpoints'
/// refusals (400 bad label or unknown head naming the field, 404 an id not under review, 409 already adjudicated or
/// the adjudicated file edited on disk); nothing is written for a refusal.
/// </summary>
public static class ReviewEndpoints
{
    public const string Measure = "Cohen's kappa for each pair of annotators (pairwise, not Fleiss'), over the paragraphs both labelled, as trainer agreement computes it";

    public static RouteGroupBuilder MapReviewEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/review", Current).WithName("ReviewState").WithSummary("The disagreements, the annotators' answers, pairwise agreement and progress")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/review/answer", Answer).WithName("ReviewAnswer").WithSummary("The adjudicated answer of a paragraph: one label per head by head name (heads left out take the annotators' agreed value), and a note")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/review/change", Change).WithName("ReviewChange").WithSummary("A new adjudicated answer for a paragraph adjudicated before")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static Results<Ok<ReviewState>, ProblemHttpResult> Current(ReviewDesk desk) => Run(desk, session => State(session, null));

    private static Results<Ok<ReviewState>, ProblemHttpResult> Answer(LabelAnswerRequest request, ReviewDesk desk) =>
        Run(desk, session =>
        {
            var (id, labels) = LabelProblems.Read(session.Schema, request);
            session.Adjudicate(id, labels, request.Note ?? "");
            return State(session, $"adjudicated {id}");
        });

    private static Results<Ok<ReviewState>, ProblemHttpResult> Change(LabelAnswerRequest request, ReviewDesk desk) =>
        Run(desk, session =>
        {
            var (id, labels) = LabelProblems.Read(session.Schema, request);
            session.Change(id, labels, request.Note ?? session.Adjudicated(id)?.Note ?? "");
            return State(session, $"changed the adjudicated answer of {id}");
        });

    private static ReviewState State(ReviewSession session, string? message)
    {
        var heads = session.Schema.Heads.Select(h => new LabelHeadInfo(h.Name, h.Values, [.. h.Keys.Select(k => k.ToString())])).ToList();
        var items = session.Items.Select(i =>
        {
            var done = session.Adjudicated(i.Id);
            return new ReviewItemInfo(i.Id, i.Article, i.Text, [.. i.Votes.Select(v => new ReviewVoteInfo(v.Annotator, v.Labels, v.Note))], i.Disagrees, i.Agreed,
                done?.Labels, done?.Note);
        }).ToList();
        var pairs = session.Pairs.Select(p => new ReviewPairInfo(session.Annotators[p.First], session.Annotators[p.Second],
            [.. p.Heads.Select(r => new ReviewHeadAgreementInfo(r.Column, r.Count, Finite(r.PercentAgreement), Finite(r.Kappa)))])).ToList();
        int adjudicated = items.Count(i => i.Adjudicated is not null);
        return new ReviewState(heads, session.Annotators, items, pairs, Measure, new ReviewProgressInfo(items.Count, adjudicated, items.Count - adjudicated),
            Path.GetFileName(session.StoreName), session.TakeNotices(), message);
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static Results<Ok<T>, ProblemHttpResult> Run<T>(ReviewDesk desk, Func<ReviewSession, T> action)
    {
        if (desk.Session is not { } session)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No review",
                detail: "the studio was started without --review and --adjudicated; start it with, e.g., studio --review data/audit/first.csv --review data/audit/second.csv --adjudicated out/adjudicated.csv --texts data/paragraphs.csv");
        return LabelProblems.Run(() => action(session));
    }
}
