using System.Diagnostics;
using Classifier.Engine.Metrics;
using Classifier.Text.Datasets;

namespace Classifier.Engine.Pipeline;

/// <summary>
/// Chooses a trainer and its main setting for each head by cross-validated macro-F1 within a time budget,
/// as ML.NET's AutoML does for accuracy; macro-F1 because stance classes are imbalanced and accuracy rewards
/// predicting the majority. By default every candidate runs to the end, so the same data and seed always give the same
/// choice whatever the machine's load; a time budget is a ceiling, and the candidates it stops are reported.
/// Candidates run cheapest first, so a short budget still compares the linear models.
/// </summary>
public static class AutoSelector
{
    /// <summary>Candidates with their relative cost; auto runs them cheapest first, so a budget stops the slow ones.</summary>
    private static readonly List<(TrainerCandidate Candidate, double Cost, bool InDefault)> Registered =
    [
        (new("nb", new Dictionary<string, string>()), 1, true),
        (new("sdca", new Dictionary<string, string>()), 1, true),
        (new("svm", new Dictionary<string, string> { ["c"] = "0.1" }), 1, true),
        (new("svm", new Dictionary<string, string> { ["c"] = "1" }), 1, true),
        (new("sdca", new Dictionary<string, string> { ["l2"] = "0.0001" }), 1, true),
        (new("nb", new Dictionary<string, string> { ["alpha"] = "0.1" }), 1, true),
        (new("fasttree", new Dictionary<string, string>()), 3, true),
        // Same model as sdca by another solver, up to 100 full passes: the slowest of ours by far (356 s of the
        // default model's 11-minute run, last of ten on stance), so it runs only when asked for.
        (new("lbfgs", new Dictionary<string, string>()), 4, false),
    ];

    /// <summary>
    /// Adds a candidate for auto (another engine's trainers). <paramref name="cost"/> orders it among the others (ours:
    /// 1 for linear models, 3 for boosted trees); <paramref name="inDefault"/> false keeps a slow one out of the default
    /// list, so it runs only when asked for (<c>--candidates all</c> or by name).
    /// </summary>
    public static void AddCandidate(TrainerCandidate candidate, double cost, bool inDefault)
    {
        lock (Registered)
        {
            if (Registered.Exists(r => r.Candidate.ToString() == candidate.ToString())) return;
            Registered.Add((candidate, cost, inDefault));
        }
    }

    /// <summary>What <c>--trainer auto</c> tries by default, cheapest first.</summary>
    public static IReadOnlyList<TrainerCandidate> DefaultCandidates => Select(r => r.InDefault);

    /// <summary>Every registered candidate, the slow ones included, cheapest first.</summary>
    public static IReadOnlyList<TrainerCandidate> AllCandidates => Select(_ => true);

    /// <summary>
    /// The candidates a <c>--candidates</c> value names: "default", "all", or trainer names separated by commas (each
    /// trainer's registered candidates, or the trainer with its defaults if it has none). A usage error for an unknown name.
    /// </summary>
    public static IReadOnlyList<TrainerCandidate> Parse(string list)
    {
        var text = list.Trim();
        if (text.Equals("default", StringComparison.OrdinalIgnoreCase)) return DefaultCandidates;
        if (text.Equals("all", StringComparison.OrdinalIgnoreCase)) return AllCandidates;
        var all = AllCandidates;
        var chosen = new List<TrainerCandidate>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = TrainerFactory.Definition(part).Name;
            var matching = all.Where(c => string.Equals(c.Trainer, name, StringComparison.OrdinalIgnoreCase)).ToList();
            chosen.AddRange(matching.Count > 0 ? matching : [new TrainerCandidate(name, new Dictionary<string, string>())]);
        }
        if (chosen.Count == 0) throw new Classifier.Text.Diagnostics.UsageException("--candidates names no trainer", "give default, all, or trainer names such as svm,mlnet-svm");
        return [.. chosen.DistinctBy(c => c.ToString())];
    }

    private static TrainerCandidate[] Select(Func<(TrainerCandidate Candidate, double Cost, bool InDefault), bool> keep)
    {
        lock (Registered) return [.. Registered.Where(keep).OrderBy(r => r.Cost).Select(r => r.Candidate)];
    }

    /// <summary>
    /// Runs every candidate, or with a <paramref name="budget"/> until it is spent: the first always runs to the end, a
    /// later one still running when the budget expires is stopped and, like those never started, listed in
    /// <see cref="AutoSelection.Stopped"/>. The leaderboard is best first by mean macro-F1 over heads.
    /// </summary>
    public static AutoSelection Run(LabelledDataset data, int[] folds, PipelineOptions baseOptions, TimeSpan? budget = null,
        IReadOnlyList<TrainerCandidate>? candidates = null, IProgress<(int Done, int Total, string Current)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        candidates ??= DefaultCandidates;
        var clock = Stopwatch.StartNew();
        var board = new List<LeaderboardEntry>();
        var stopped = new List<TrainerCandidate>();
        for (int i = 0; i < candidates.Count; i++)
        {
            var remaining = budget is { } b ? b - clock.Elapsed : Timeout.InfiniteTimeSpan;
            if (i > 0 && budget is not null && remaining <= TimeSpan.Zero)
            {
                stopped.AddRange(candidates.Skip(i));
                break;
            }
            cancellationToken.ThrowIfCancellationRequested();
            var candidate = candidates[i];
            progress?.Report((i, candidates.Count, candidate.ToString()));
            var options = baseOptions with { Trainer = candidate.Trainer, TrainerSettings = candidate.Settings, HeadTrainers = new Dictionary<string, TrainerCandidate>() };
            var started = clock.Elapsed;
            using var overBudget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (i > 0 && budget is not null) overBudget.CancelAfter(remaining);
            OutOfFoldPredictions[] predictions;
            try
            {
                predictions = PipelineCrossValidator.Run(data, folds, options, null, overBudget.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                stopped.AddRange(candidates.Skip(i));
                break;
            }
            var byHead = new Dictionary<string, double>();
            double sum = 0;
            foreach (var p in predictions)
            {
                double f1 = MulticlassMetrics.Compute(p.Labels, p.Truth, p.Probabilities).MacroF1;
                byHead[p.Head] = f1;
                sum += f1;
            }
            board.Add(new LeaderboardEntry(candidate, byHead, sum / predictions.Length, (clock.Elapsed - started).TotalSeconds, predictions));
        }
        progress?.Report((candidates.Count, candidates.Count, "done"));
        // Stable sort: on a tie the earlier (cheaper) candidate wins.
        return new AutoSelection([.. board.OrderByDescending(e => e.MeanMacroF1)], stopped, budget);
    }

    /// <summary>
    /// The best candidate for each head (first on the board wins a tie) and the out-of-fold predictions it made, so a
    /// model may use a different trainer per head.
    /// </summary>
    public static (Dictionary<string, TrainerCandidate> Choice, OutOfFoldPredictions[] Predictions) BestPerHead(IReadOnlyList<LeaderboardEntry> board)
    {
        var first = board[0].Predictions;
        var choice = new Dictionary<string, TrainerCandidate>();
        var predictions = new OutOfFoldPredictions[first.Length];
        for (int h = 0; h < first.Length; h++)
        {
            var head = first[h].Head;
            var best = board[0];
            foreach (var entry in board)
                if (entry.MacroF1ByHead[head] > best.MacroF1ByHead[head]) best = entry;
            choice[head] = best.Candidate;
            predictions[h] = best.Predictions[h];
        }
        return (choice, predictions);
    }
}
