using System.Text.Json.Serialization;

namespace Classifier.Engine.Pipeline;

/// <summary>
/// How <c>--trainer auto</c> chose, kept in the manifest: the budget (null = none, every candidate ran), the candidates
/// that finished and those the budget stopped. A run with stopped candidates may choose differently on a busier machine.
/// </summary>
public sealed record SelectionInfo(
    [property: JsonPropertyName("budgetSeconds")] double? BudgetSeconds,
    [property: JsonPropertyName("finished")] IReadOnlyList<string> Finished,
    [property: JsonPropertyName("stopped")] IReadOnlyList<string> Stopped)
{
    public static SelectionInfo From(AutoSelection selection) => new(
        selection.Budget?.TotalSeconds,
        [.. selection.Board.Select(e => e.Candidate.ToString())],
        [.. selection.Stopped.Select(c => c.ToString())]);
}
