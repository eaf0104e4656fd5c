namespace Classifier.Text.Labelling;

/// <summary>The per-rule table (Snorkel's LF analysis) and the combined labels' score against gold.</summary>
public static class RuleAnalysis
{
    /// <summary>
    /// One <see cref="RuleStats"/> per rule of <paramref name="votes"/>. <paramref name="gold"/> holds a class index
    /// per row or -1 where there is no gold label; null when there is no gold at all.
    /// </summary>
    public static IReadOnlyList<RuleStats> Analyze(VoteMatrix votes, int[]? gold, IReadOnlyList<double> learnedWeights)
    {
        int n = votes.RowCount, m = votes.RuleCount;
        var result = new List<RuleStats>(m);
        for (int j = 0; j < m; j++)
        {
            int fired = 0, overlaps = 0, conflicts = 0, correct = 0, incorrect = 0;
            var emitted = new SortedSet<int>();
            for (int i = 0; i < n; i++)
            {
                int mine = votes[i, j];
                if (mine == VoteMatrix.Abstain) continue;
                fired++;
                emitted.Add(mine);
                bool overlap = false, conflict = false;
                var row = votes.Row(i);
                for (int other = 0; other < m; other++)
                {
                    if (other == j || row[other] == VoteMatrix.Abstain) continue;
                    overlap = true;
                    if (row[other] != mine) conflict = true;
                }
                if (overlap) overlaps++;
                if (conflict) conflicts++;
                if (gold is not null && gold[i] >= 0)
                {
                    if (gold[i] == mine) correct++;
                    else incorrect++;
                }
            }
            double denominator = Math.Max(1, n);
            result.Add(new RuleStats(votes.RuleNames[j], votes.Head, emitted.Select(c => votes.Classes[c]).ToArray(),
                fired / denominator, overlaps / denominator, conflicts / denominator, correct, incorrect,
                correct + incorrect == 0 ? double.NaN : (double)correct / (correct + incorrect), learnedWeights[j]));
        }
        return result;
    }

    /// <summary>
    /// Of the rows with gold, the fraction that got a label (coverage) and the fraction of those that match (accuracy).
    /// </summary>
    public static (int Gold, int Covered, int Correct) Score(int[] labels, int[] gold)
    {
        int withGold = 0, covered = 0, correct = 0;
        for (int i = 0; i < gold.Length; i++)
        {
            if (gold[i] < 0) continue;
            withGold++;
            if (labels[i] < 0) continue;
            covered++;
            if (labels[i] == gold[i]) correct++;
        }
        return (withGold, covered, correct);
    }
}
