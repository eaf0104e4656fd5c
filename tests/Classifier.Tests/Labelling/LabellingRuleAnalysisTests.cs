using Classifier.Text.Labelling;

namespace Classifier.Tests.Labelling;

public class LabellingRuleAnalysisTests
{
    [Fact]
    public void Snorkel_columns_on_a_hand_made_example()
    {
        const int A = VoteMatrix.Abstain;
        // 5 rows × 3 rules over classes x (0) and y (1).
        //        r0  r1  r2
        // row 0:  0   0   A    overlap, no conflict
        // row 1:  0   1   A    overlap and conflict
        // row 2:  A   1   1    overlap, no conflict
        // row 3:  0   A   A    alone
        // row 4:  A   A   A    nothing
        var votes = new VoteMatrix("topic", ["x", "y"], ["r0", "r1", "r2"], [0, 0, A, 0, 1, A, A, 1, 1, 0, A, A, A, A, A]);
        int[] gold = [0, 1, 1, 1, -1];
        var stats = RuleAnalysis.Analyze(votes, gold, [0.9, 0.8, double.NaN]);

        var r0 = stats[0];
        Assert.Equal(["x"], r0.Polarity);
        Assert.Equal(3 / 5.0, r0.Coverage, 9);
        Assert.Equal(2 / 5.0, r0.Overlaps, 9);
        Assert.Equal(1 / 5.0, r0.Conflicts, 9);
        Assert.Equal(1, r0.Correct);
        Assert.Equal(2, r0.Incorrect);
        Assert.Equal(1 / 3.0, r0.EmpiricalAccuracy, 9);
        Assert.Equal(0.9, r0.LearnedWeight);

        var r1 = stats[1];
        Assert.Equal(["x", "y"], r1.Polarity);
        Assert.Equal(3 / 5.0, r1.Coverage, 9);
        Assert.Equal(3 / 5.0, r1.Overlaps, 9);
        Assert.Equal(1 / 5.0, r1.Conflicts, 9);
        Assert.Equal(3, r1.Correct);
        Assert.Equal(0, r1.Incorrect);
        Assert.Equal(1.0, r1.EmpiricalAccuracy, 9);

        var r2 = stats[2];
        Assert.Equal(["y"], r2.Polarity);
        Assert.Equal(1 / 5.0, r2.Coverage, 9);
        Assert.Equal(1 / 5.0, r2.Overlaps, 9);
        Assert.Equal(0, r2.Conflicts, 9);
        Assert.Equal(1, r2.Correct);

        var score = RuleAnalysis.Score([0, 1, 1, -1, 0], gold);
        Assert.Equal((4, 3, 3), score);
    }
}
