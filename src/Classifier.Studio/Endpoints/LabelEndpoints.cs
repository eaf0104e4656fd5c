using Classifier.Api;
using Classifier.Labelling;
using Classifier.Studio.Contracts;
using Classifier.Studio.Labelling;
using Classifier.Text.Labelling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Classifier.Studio.Endpoints;

/// <summary>
/// The Label page's data: the studio's one <see cref="LabellingSession"/> over HTTP. Every refusal of the core is a
/// problem document (400 bad labels, 404 unknown id, 409 for an answer another tab gave, nothing to undo, or a labels
/// file edited on disk), and nothing is written for it.
/// </summary>
public static class LabelEndpoints
{
    public static RouteGroupBuilder MapLabelEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/label", Current).WithName("LabelCurrent").WithSummary("The paragraph to label next, the schema's heads and keys, and progress")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/label/answer", Answer).WithName("LabelAnswer").WithSummary("A new answer: one label per head (by head name), and a note")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/label/skip", Skip).WithName("LabelSkip").WithSummary("Pass over a paragraph for the rest of the session")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/label/undo", Undo).WithName("LabelUndo").WithSummary("Take back this session's last answer or change")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/label/retraining", Retraining).WithName("LabelRetraining").WithSummary("Where retraining stands: on or why not, running, models swapped in, the last message")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/label/answers", Answers).WithName("LabelAnswers").WithSummary("This session's answers as they stand, newest first")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/label/change", Change).WithName("LabelChange").WithSummary("Change an earlier answer, by paragraph id")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static Results<Ok<LabelState>, ProblemHttpResult> Current(LabelDesk desk) =>
        Run(desk, session => State(desk, session, null));

    private static Results<Ok<LabelRetrainingInfo>, ProblemHttpResult> Retraining(LabelDesk desk) =>
        Run(desk, _ => desk.Retraining?.Poll() ?? new LabelRetrainingInfo(false, 0, false, 0, null, null));

    private static Results<Ok<LabelState>, ProblemHttpResult> Answer(LabelAnswerRequest request, LabelDesk desk) =>
        Run(desk, session =>
        {
            var (id, labels) = Read(session, request);
            session.Answer(id, labels, request.Note ?? "");
            return State(desk, session, $"saved {id}");
        });

    private static Results<Ok<LabelState>, ProblemHttpResult> Change(LabelAnswerRequest request, LabelDesk desk) =>
        Run(desk, session =>
        {
            var (id, labels) = Read(session, request);
            // A change keeps the earlier note unless a new one is given, as the terminal labeller does.
            var note = request.Note ?? session.View(id).Answer?.Note ?? "";
            session.Change(id, labels, note);
            return State(desk, session, $"changed {id}");
        });

    private static Results<Ok<LabelState>, ProblemHttpResult> Skip(LabelSkipRequest request, LabelDesk desk) =>
        Run(desk, session =>
        {
            var id = request.Id is { Length: > 0 } given ? given : throw new FieldException("id", "give the id of the paragraph to skip");
            session.Skip(id);
            return State(desk, session, $"skipped {id}");
        });

    private static Results<Ok<LabelState>, ProblemHttpResult> Undo(LabelDesk desk) =>
        Run(desk, session => session.Undo() is { } undone
            ? State(desk, session, undone.After is null ? $"undid the answer of {undone.Id}" : $"restored the earlier answer of {undone.Id}")
            : throw new AnswerRejectedException(RejectionKind.NothingToUndo, "nothing of this session's to undo", "undo takes back only this session's own answers and changes"));

    private static Results<Ok<LabelAnswerList>, ProblemHttpResult> Answers(LabelDesk desk) =>
        Run(desk, session =>
        {
            var answers = new List<LabelAnswerInfo>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var history = session.History;
            for (int i = history.Count - 1; i >= 0; i--)
                if (seen.Add(history[i]) && session.View(history[i]).Answer is { } a)
                    answers.Add(new LabelAnswerInfo(a.Id, a.Text, a.Labels, a.Note, a.LabelledAt));
            return new LabelAnswerList(answers);
        });

    private static (string Id, string?[] Labels) Read(LabellingSession session, LabelAnswerRequest request) => LabelProblems.Read(session.Schema, request);

    private static LabelState State(LabelDesk desk, LabellingSession session, string? message)
    {
        // Polled before the paragraph is chosen, so a finished retraining's order is the one shown.
        var retraining = desk.Retraining?.Poll();
        var heads = session.Schema.Heads.Select(h => new LabelHeadInfo(h.Name, h.Values, [.. h.Keys.Select(k => k.ToString())])).ToList();
        var p = session.Progress;
        var progress = new LabelProgressInfo(p.Labelled, p.Remaining, p.Answered, p.Skipped, p.Counts);
        return new LabelState(session.Current is { } view ? Paragraph(view) : null, heads, progress, Path.GetFileName(session.StoreName), session.TakeNotices(), message, retraining);
    }

    private static LabelParagraphInfo Paragraph(ParagraphView v) =>
        new(v.Id, v.Article, v.Text, v.Previous, v.Next, Suggestion(v.Suggestions.Model), Suggestion(v.Suggestions.Rules), v.Suggestions.Accept,
            v.Answer?.Labels, v.Answer?.Note);

    private static LabelSuggestionInfo? Suggestion(Suggestion? s) => s is null ? null : new(s.Source, s.Labels, s.Confidences, s.Detail);

    private static Results<Ok<T>, ProblemHttpResult> Run<T>(LabelDesk desk, Func<LabellingSession, T> action)
    {
        if (desk.Session is not { } session)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No labelling session",
                detail: "the studio was started without --labels and --in; start it with, e.g., studio --labels data/labels.csv --in data/paragraphs.csv");
        return LabelProblems.Run(() => action(session));
    }
}
