using Classifier.Text.Labelling;

namespace Classifier.Tests.Labelling;

public class LabellingLabelModelTests
{
    private static readonly string[] Classes = ["pro-serbia", "pro-kosovo", "neutral"];

    /// <summary>Rules that fire at random and, when they fire, are right with a known accuracy (else a random wrong class).</summary>
    private static (VoteMatrix Votes, int[] Truth) Synthetic(double[] accuracies, int rows, double fireRate, int seed)
    {
        var rng = new Random(seed);
        double[] priors = [0.5, 0.3, 0.2];
        int m = accuracies.Length, k = Classes.Length;
        var truth = new int[rows];
        var votes = new int[rows * m];
        for (int i = 0; i < rows; i++)
        {
            double u = rng.NextDouble();
            truth[i] = u < priors[0] ? 0 : u < priors[0] + priors[1] ? 1 : 2;
            for (int j = 0; j < m; j++)
            {
                if (rng.NextDouble() >= fireRate) { votes[i * m + j] = VoteMatrix.Abstain; continue; }
                votes[i * m + j] = rng.NextDouble() < accuracies[j] ? truth[i] : (truth[i] + 1 + rng.Next(k - 1)) % k;
            }
        }
        return (new VoteMatrix("stance", Classes, accuracies.Select((_, j) => $"r{j}").ToArray(), votes), truth);
    }

    [Fact]
    public void Dawid_Skene_recovers_rule_accuracies_and_beats_majority_vote()
    {
        double[] accuracies = [0.9, 0.8, 0.75, 0.7, 0.6];
        var (votes, truth) = Synthetic(accuracies, 4000, 0.6, 11);
        var result = LabelModel.Fit(votes);
        Assert.Equal("dawid-skene", result.Method);
        for (int j = 0; j < accuracies.Length; j++) Assert.InRange(result.RuleAccuracies[j], accuracies[j] - 0.05, accuracies[j] + 0.05);
        Assert.Equal(votes.RuleCount, result.RuleAccuracies.Length);
        // The learned accuracies keep the true order.
        for (int j = 1; j < accuracies.Length; j++) Assert.True(result.RuleAccuracies[j - 1] > result.RuleAccuracies[j], $"rule {j}");

        var majority = LabelModel.MajorityVote(votes);
        var tieBreak = new Random(5);
        int voted = 0, emRight = 0, mvRight = 0;
        for (int i = 0; i < votes.RowCount; i++)
        {
            if (!votes.HasVote(i)) { Assert.Equal(-1, result.Labels[i]); continue; }
            voted++;
            if (result.Labels[i] == truth[i]) emRight++;
            int mv = majority[i];
            if (mv < 0)
            {
                // A tie: majority vote can only guess among the tied votes.
                var tied = votes.Row(i).ToArray().Where(v => v >= 0).Distinct().ToArray();
                mv = tied[tieBreak.Next(tied.Length)];
            }
            if (mv == truth[i]) mvRight++;
        }
        double em = (double)emRight / voted, mvAccuracy = (double)mvRight / voted;
        Assert.True(em > mvAccuracy + 0.01, $"EM {em:0.000} vs majority vote {mvAccuracy:0.000}");
        for (int i = 0; i < votes.RowCount; i++)
            if (result.Labels[i] >= 0) Assert.InRange(result.Confidences[i], 1.0 / 3, 1.0);
    }

    [Fact]
    public void Too_few_votes_fall_back_to_weighted_majority_vote()
    {
        // Three rows: two rules agree on row 0, one votes alone on row 1, none on row 2.
        var votes = new VoteMatrix("stance", Classes, ["a", "b"], [0, 0, VoteMatrix.Abstain, 1, VoteMatrix.Abstain, VoteMatrix.Abstain]);
        var result = LabelModel.Fit(votes);
        Assert.Equal("weighted-majority", result.Method);
        Assert.Contains("row(s) with a vote", result.Note);
        Assert.Equal([0, 1, -1], result.Labels);
        Assert.Equal(0, result.Confidences[2]);
        Assert.True(result.Confidences[0] > result.Confidences[1]);
    }

    [Fact]
    public void Weighted_majority_trusts_the_rule_that_agrees_with_the_others()
    {
        // Rules a, b and c agree on most rows; d contradicts them. On a row where only c and d vote, c wins.
        var rows = new List<int>();
        for (int i = 0; i < 10; i++) rows.AddRange([0, 0, 0, 1]);
        rows.AddRange([VoteMatrix.Abstain, VoteMatrix.Abstain, 0, 1]);
        var votes = new VoteMatrix("stance", Classes, ["a", "b", "c", "d"], [.. rows]);
        var result = LabelModel.WeightedMajority(votes, "test");
        Assert.Equal(0, result.Labels[10]);
        Assert.True(result.RuleAccuracies[2] > 0.8);
        Assert.True(result.RuleAccuracies[3] < 0.2);
    }

    [Fact]
    public void Dawid_Skene_estimates_the_precision_of_rules_that_only_ever_vote_one_label()
    {
        // Like the shipped rules: each fires often on its own class and now and then on the others, else abstains.
        var rng = new Random(3);
        int n = 3000;
        int[] ruleLabel = [0, 0, 1, 1, 2, 2, 0, 1];
        double[] onClass = [0.3, 0.2, 0.3, 0.15, 0.25, 0.2, 0.1, 0.1];
        double[] offClass = [0.03, 0.05, 0.02, 0.06, 0.04, 0.03, 0.08, 0.08];
        double[] priors = [0.5, 0.3, 0.2];
        int m = ruleLabel.Length;
        var truth = new int[n];
        var votes = new int[n * m];
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            truth[i] = u < priors[0] ? 0 : u < priors[0] + priors[1] ? 1 : 2;
            for (int j = 0; j < m; j++)
                votes[i * m + j] = rng.NextDouble() < (truth[i] == ruleLabel[j] ? onClass[j] : offClass[j]) ? ruleLabel[j] : VoteMatrix.Abstain;
        }
        var matrix = new VoteMatrix("stance", Classes, Enumerable.Range(0, m).Select(j => $"r{j}").ToArray(), votes);
        var em = LabelModel.Fit(matrix);
        Assert.Equal("dawid-skene", em.Method);
        for (int j = 0; j < m; j++)
        {
            // P(true = label | fired), from the generating rates.
            double right = priors[ruleLabel[j]] * onClass[j], wrong = (1 - priors[ruleLabel[j]]) * offClass[j];
            Assert.InRange(em.RuleAccuracies[j], right / (right + wrong) - 0.12, right / (right + wrong) + 0.12);
        }
        var weighted = LabelModel.WeightedMajority(matrix, "comparison");
        int voted = 0, emRight = 0, weightedRight = 0;
        for (int i = 0; i < n; i++)
        {
            if (!matrix.HasVote(i)) continue;
            voted++;
            if (em.Labels[i] == truth[i]) emRight++;
            if (weighted.Labels[i] == truth[i]) weightedRight++;
        }
        Assert.True(emRight >= weightedRight, $"EM {emRight} vs weighted majority {weightedRight} of {voted}");
    }
}
