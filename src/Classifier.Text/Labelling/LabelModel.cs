namespace Classifier.Text.Labelling;

/// <summary>
/// Combines the rules' votes into one label per row without gold labels. The main model is Dawid–Skene EM: class
/// priors and one confusion matrix per rule (what it outputs, abstaining included, given the true class), learned by
/// alternating posteriors and counts from a majority-vote start (which fixes which class is which). When there are
/// too few votes for EM, or EM ends somewhere degenerate (non-finite values, a labelling far from majority vote,
/// or a class majority vote predicts that EM never does), it falls back to a majority vote weighted by each rule's
/// agreement with the others.
/// </summary>
public static class LabelModel
{
    /// <summary>Below this many rows with a vote, EM's confusion matrices are mostly guesswork.</summary>
    public const int MinVotedRows = 50;

    /// <summary>Below this agreement with majority vote (where it decides), EM is taken to have gone astray.</summary>
    public const double MinAgreement = 0.7;

    /// <summary>Pseudo-rows behind the prior on each rule's confusion matrix.</summary>
    public const double PriorStrength = 20;

    /// <summary>The accuracy a rule is assumed to have before the data say otherwise.</summary>
    public const double PriorAccuracy = 0.7;

    public static LabelModelResult Fit(VoteMatrix votes, int maxIterations = 200)
    {
        int voted = 0;
        for (int i = 0; i < votes.RowCount; i++) if (votes.HasVote(i)) voted++;
        var firing = new int[votes.RuleCount];
        for (int i = 0; i < votes.RowCount; i++)
            for (int j = 0; j < votes.RuleCount; j++) if (votes[i, j] != VoteMatrix.Abstain) firing[j]++;
        int activeRules = 0;
        foreach (var f in firing) if (f > 0) activeRules++;

        if (voted < MinVotedRows)
            return WeightedMajority(votes, $"only {voted} row(s) with a vote (EM needs {MinVotedRows})");
        if (activeRules < 2)
            return WeightedMajority(votes, $"only {activeRules} rule(s) fired (EM needs 2)");
        var em = DawidSkene(votes, maxIterations);
        if (em is null) return WeightedMajority(votes, "EM produced non-finite values");
        var majority = MajorityVote(votes);
        int decided = 0, agree = 0;
        var majorityCounts = new int[votes.ClassCount];
        var emCounts = new int[votes.ClassCount];
        for (int i = 0; i < votes.RowCount; i++)
        {
            if (em.Labels[i] >= 0) emCounts[em.Labels[i]]++;
            if (majority[i] < 0) continue;
            decided++;
            majorityCounts[majority[i]]++;
            if (majority[i] == em.Labels[i]) agree++;
        }
        if (decided > 0 && agree < MinAgreement * decided)
            return WeightedMajority(votes, $"EM agreed with majority vote on only {agree} of {decided} rows");
        for (int c = 0; c < votes.ClassCount; c++)
            if (emCounts[c] == 0 && majorityCounts[c] > 0)
                return WeightedMajority(votes, $"EM collapsed class '{votes.Classes[c]}'");
        return em;
    }

    /// <summary>Plain majority vote; -1 for rows without votes or with a tie at the top.</summary>
    public static int[] MajorityVote(VoteMatrix votes)
    {
        var labels = new int[votes.RowCount];
        var counts = new int[votes.ClassCount];
        for (int i = 0; i < votes.RowCount; i++)
        {
            Array.Clear(counts);
            foreach (var v in votes.Row(i)) if (v != VoteMatrix.Abstain) counts[v]++;
            int best = -1, bestCount = 0;
            bool tie = false;
            for (int k = 0; k < counts.Length; k++)
            {
                if (counts[k] > bestCount) { best = k; bestCount = counts[k]; tie = false; }
                else if (counts[k] == bestCount && bestCount > 0) tie = true;
            }
            labels[i] = tie ? -1 : best;
        }
        return labels;
    }

    /// <summary>
    /// Dawid–Skene EM. Each rule's confusion matrix covers its outputs including abstaining, because a rule that
    /// only ever votes one label carries its information in when it fires and when it does not. Null when EM
    /// produced non-finite values.
    /// </summary>
    public static LabelModelResult? DawidSkene(VoteMatrix votes, int maxIterations = 200)
    {
        int n = votes.RowCount, m = votes.RuleCount, k = votes.ClassCount, outputs = k + 1;
        var posterior = InitialPosteriors(votes);
        var priors = new double[k];
        // logConfusion[(j * k + true) * outputs + output]; output k is abstain.
        var logConfusion = new double[m * k * outputs];
        var counts = new double[m * k * outputs];
        var classMass = new double[k];
        var logRow = new double[k];
        var fireRate = new double[m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) if (votes[i, j] != VoteMatrix.Abstain) fireRate[j] += 1.0 / n;
        double previous = double.NegativeInfinity;
        string note = "";
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            // M-step. Each confusion row starts from PriorStrength pseudo-rows of the one-coin model (the rule fires
            // at its overall rate whatever the class and is then right with PriorAccuracy): on a few dozen rows the
            // free matrices overfit, on thousands the data outweigh the prior.
            for (int j = 0; j < m; j++)
            {
                for (int c = 0; c < k; c++)
                {
                    int b = (j * k + c) * outputs;
                    for (int o = 0; o < outputs; o++)
                        counts[b + o] = 1e-3 + PriorStrength * (o == k ? 1 - fireRate[j]
                            : fireRate[j] * (o == c ? PriorAccuracy : (1 - PriorAccuracy) / Math.Max(1, k - 1)));
                }
            }
            Array.Clear(classMass);
            for (int i = 0; i < n; i++)
            {
                var row = votes.Row(i);
                for (int c = 0; c < k; c++)
                {
                    double t = posterior[i * k + c];
                    if (t == 0) continue;
                    classMass[c] += t;
                    for (int j = 0; j < m; j++) counts[(j * k + c) * outputs + (row[j] == VoteMatrix.Abstain ? k : row[j])] += t;
                }
            }
            for (int c = 0; c < k; c++) priors[c] = (classMass[c] + 1) / (n + k);
            for (int jc = 0; jc < m * k; jc++)
            {
                int b = jc * outputs;
                double total = 0;
                for (int o = 0; o < outputs; o++) total += counts[b + o];
                for (int o = 0; o < outputs; o++) logConfusion[b + o] = Math.Log(counts[b + o] / total);
            }

            // E-step.
            double logLikelihood = 0;
            for (int i = 0; i < n; i++)
            {
                var row = votes.Row(i);
                double max = double.NegativeInfinity;
                for (int c = 0; c < k; c++)
                {
                    double s = Math.Log(priors[c]);
                    for (int j = 0; j < m; j++) s += logConfusion[(j * k + c) * outputs + (row[j] == VoteMatrix.Abstain ? k : row[j])];
                    logRow[c] = s;
                    if (s > max) max = s;
                }
                double sum = 0;
                for (int c = 0; c < k; c++) sum += Math.Exp(logRow[c] - max);
                for (int c = 0; c < k; c++) posterior[i * k + c] = Math.Exp(logRow[c] - max) / sum;
                logLikelihood += max + Math.Log(sum);
            }
            if (!double.IsFinite(logLikelihood)) return null;
            if (logLikelihood - previous < 1e-7 * Math.Max(1, n))
            {
                note = $"EM converged after {iteration + 1} iterations";
                break;
            }
            previous = logLikelihood;
        }
        if (note.Length == 0) note = $"EM stopped after {maxIterations} iterations";
        return Finish("dawid-skene", note, votes, priors, posterior);
    }

    /// <summary>
    /// Majority vote weighted by each rule's log-odds of being right, its accuracy estimated from agreement with
    /// the (unweighted) majority of the other rules on rows where they voted.
    /// </summary>
    public static LabelModelResult WeightedMajority(VoteMatrix votes, string reason)
    {
        int n = votes.RowCount, m = votes.RuleCount, k = votes.ClassCount;
        var accuracy = new double[m];
        var weight = new double[m];
        var counts = new int[k];
        for (int j = 0; j < m; j++)
        {
            double agree = 0, total = 0;
            for (int i = 0; i < n; i++)
            {
                int mine = votes[i, j];
                if (mine == VoteMatrix.Abstain) continue;
                Array.Clear(counts);
                var row = votes.Row(i);
                for (int other = 0; other < m; other++) if (other != j && row[other] != VoteMatrix.Abstain) counts[row[other]]++;
                int best = -1, bestCount = 0;
                bool tie = false;
                for (int c = 0; c < k; c++)
                {
                    if (counts[c] > bestCount) { best = c; bestCount = counts[c]; tie = false; }
                    else if (counts[c] == bestCount && bestCount > 0) tie = true;
                }
                if (best < 0 || tie) continue;
                total++;
                if (best == mine) agree++;
            }
            // A rule nobody overlaps with is assumed 70% right, so a lone vote still counts.
            accuracy[j] = Math.Clamp((agree + 1.4) / (total + 2), 0.05, 0.95);
            weight[j] = Math.Max(0.05, Math.Log(accuracy[j] * Math.Max(1, k - 1) / (1 - accuracy[j])));
        }
        var priors = new double[k];
        var posterior = new double[n * k];
        var score = new double[k];
        for (int i = 0; i < n; i++)
        {
            Array.Clear(score);
            var row = votes.Row(i);
            for (int j = 0; j < m; j++) if (row[j] != VoteMatrix.Abstain) score[row[j]] += weight[j];
            double max = score[0], sum = 0;
            for (int c = 1; c < k; c++) if (score[c] > max) max = score[c];
            for (int c = 0; c < k; c++) sum += Math.Exp(score[c] - max);
            for (int c = 0; c < k; c++) posterior[i * k + c] = Math.Exp(score[c] - max) / sum;
        }
        for (int i = 0; i < n; i++)
            if (votes.HasVote(i)) for (int c = 0; c < k; c++) priors[c] += posterior[i * k + c];
        double mass = priors.Sum();
        for (int c = 0; c < k; c++) priors[c] = mass > 0 ? priors[c] / mass : 1.0 / k;
        var result = Finish("weighted-majority", reason, votes, priors, posterior);
        for (int j = 0; j < m; j++) if (!double.IsNaN(result.RuleAccuracies[j])) result.RuleAccuracies[j] = accuracy[j];
        return result;
    }

    private static double[] InitialPosteriors(VoteMatrix votes)
    {
        int n = votes.RowCount, k = votes.ClassCount;
        var posterior = new double[n * k];
        for (int i = 0; i < n; i++)
        {
            double total = 0;
            foreach (var v in votes.Row(i))
            {
                if (v == VoteMatrix.Abstain) continue;
                posterior[i * k + v] += 1;
                total++;
            }
            for (int c = 0; c < k; c++) posterior[i * k + c] = total == 0 ? 1.0 / k : posterior[i * k + c] / total;
        }
        return posterior;
    }

    /// <summary>Labels, confidences and per-rule expected accuracies from final posteriors.</summary>
    private static LabelModelResult Finish(string method, string note, VoteMatrix votes, double[] priors, double[] posterior)
    {
        int n = votes.RowCount, m = votes.RuleCount, k = votes.ClassCount;
        var labels = new int[n];
        var confidences = new double[n];
        for (int i = 0; i < n; i++)
        {
            if (!votes.HasVote(i))
            {
                labels[i] = -1;
                for (int c = 0; c < k; c++) posterior[i * k + c] = 0;
                continue;
            }
            int best = 0;
            for (int c = 1; c < k; c++) if (posterior[i * k + c] > posterior[i * k + best]) best = c;
            labels[i] = best;
            confidences[i] = posterior[i * k + best];
        }
        var accuracies = new double[m];
        for (int j = 0; j < m; j++)
        {
            double right = 0;
            int fired = 0;
            for (int i = 0; i < n; i++)
            {
                int v = votes[i, j];
                if (v == VoteMatrix.Abstain) continue;
                fired++;
                right += posterior[i * k + v];
            }
            accuracies[j] = fired == 0 ? double.NaN : right / fired;
        }
        return new LabelModelResult(method, note, priors, accuracies, posterior, labels, confidences);
    }
}
