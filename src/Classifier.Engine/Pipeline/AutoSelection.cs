namespace Classifier.Engine.Pipeline;

/// <summary>
/// What <see cref="AutoSelector.Run"/> did: the leaderboard (best first) and, when a time budget cut the run short,
/// the candidates it stopped or never started, so the choice can be judged and reproduced.
/// </summary>
public sealed record AutoSelection(IReadOnlyList<LeaderboardEntry> Board, IReadOnlyList<TrainerCandidate> Stopped, TimeSpan? Budget)
{
    /// <summary>True when every candidate ran to the end: the same data and seed then always give the same choice.</summary>
    public bool Complete => Stopped.Count == 0;
}
