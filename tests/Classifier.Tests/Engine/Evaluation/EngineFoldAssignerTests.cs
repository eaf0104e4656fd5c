using Classifier.Engine.Evaluation;

namespace Classifier.Tests.Engine.Evaluation;

public class EngineFoldAssignerTests
{
    /// <summary>40 articles × 5 paragraphs; each paragraph's stance drawn from a seeded generator (3 strata, unequal).</summary>
    private static (int[] Strata, string[] Groups) Articles(int groups = 40, int rowsPerGroup = 5, int seed = 7)
    {
        var random = new Random(seed);
        var strata = new int[groups * rowsPerGroup];
        var names = new string[strata.Length];
        for (int r = 0; r < strata.Length; r++)
        {
            names[r] = $"article-{r / rowsPerGroup:D3}";
            double u = random.NextDouble();
            strata[r] = u < 0.5 ? 0 : u < 0.8 ? 1 : 2;
        }
        return (strata, names);
    }

    private static void AssertGroupsIntact(string[] groups, int[] folds)
    {
        var foldOf = new Dictionary<string, int>();
        for (int r = 0; r < groups.Length; r++)
        {
            if (foldOf.TryGetValue(groups[r], out var f)) Assert.Equal(f, folds[r]);
            else foldOf[groups[r]] = folds[r];
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    public void Groups_never_straddle_folds_and_every_fold_is_used(int k)
    {
        var (strata, groups) = Articles();
        var folds = FoldAssigner.StratifiedGroupKFold(strata, groups, k, seed: 1);
        Assert.Equal(groups.Length, folds.Length);
        AssertGroupsIntact(groups, folds);
        Assert.All(folds, f => Assert.InRange(f, 0, k - 1));
        Assert.Equal(k, folds.Distinct().Count());
    }

    [Fact]
    public void All_folds_are_used_when_there_are_exactly_k_groups_of_very_different_sizes()
    {
        int[] sizes = [50, 1, 1, 20, 3];
        var groups = sizes.SelectMany((n, g) => Enumerable.Repeat($"g{g}", n)).ToArray();
        var strata = groups.Select((_, r) => r % 2).ToArray();
        var folds = FoldAssigner.StratifiedGroupKFold(strata, groups, 5, seed: 3);
        AssertGroupsIntact(groups, folds);
        Assert.Equal(5, folds.Distinct().Count());
    }

    [Fact]
    public void Strata_are_roughly_balanced_across_folds()
    {
        var (strata, groups) = Articles();
        const int k = 5;
        var folds = FoldAssigner.StratifiedGroupKFold(strata, groups, k, seed: 11);
        var total = new int[3];
        foreach (var s in strata) total[s]++;
        for (int f = 0; f < k; f++)
        {
            int size = folds.Count(x => x == f);
            // 200 rows → 40 per fold; groups are 5 rows, so one group either way is the best possible.
            Assert.InRange(size, 35, 45);
            for (int s = 0; s < 3; s++)
            {
                double share = (double)Enumerable.Range(0, strata.Length).Count(r => folds[r] == f && strata[r] == s) / total[s];
                Assert.InRange(share, 1.0 / k - 0.06, 1.0 / k + 0.06);
            }
        }
    }

    [Fact]
    public void Deterministic_per_seed_and_different_across_seeds()
    {
        var (strata, groups) = Articles();
        var a = FoldAssigner.StratifiedGroupKFold(strata, groups, 5, seed: 42);
        Assert.Equal(a, FoldAssigner.StratifiedGroupKFold(strata, groups, 5, seed: 42));
        Assert.NotEqual(a, FoldAssigner.StratifiedGroupKFold(strata, groups, 5, seed: 43));
        // The input order of the rows does not matter, only the group names and strata.
        var order = Enumerable.Range(0, groups.Length).Reverse().ToArray();
        var reversed = FoldAssigner.StratifiedGroupKFold(order.Select(r => strata[r]).ToArray(), order.Select(r => groups[r]).ToArray(), 5, seed: 42);
        for (int i = 0; i < order.Length; i++) Assert.Equal(a[order[i]], reversed[i]);
    }

    [Fact]
    public void Fewer_groups_than_folds_still_keeps_groups_whole()
    {
        string[] groups = ["a", "a", "b", "b", "c"];
        var folds = FoldAssigner.StratifiedGroupKFold([0, 1, 0, 1, 0], groups, 5, seed: 1);
        AssertGroupsIntact(groups, folds);
        Assert.Equal(3, folds.Distinct().Count());
    }

    [Fact]
    public void Invalid_arguments_are_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => FoldAssigner.StratifiedGroupKFold([0, 1], ["a", "b"], 1, 0));
        Assert.ThrowsAny<ArgumentException>(() => FoldAssigner.StratifiedGroupKFold([0, 1, 0], ["a", "b"], 2, 0));
        Assert.ThrowsAny<ArgumentException>(() => FoldAssigner.StratifiedGroupKFold([0, -1], ["a", "b"], 2, 0));
    }

    [Fact]
    public void Leave_one_group_out_gives_one_fold_per_group()
    {
        string[] groups = ["b", "a", "c", "a", "b", "b"];
        var folds = FoldAssigner.LeaveOneGroupOut(groups);
        Assert.Equal([1, 0, 2, 0, 1, 1], folds);
        var (_, articles) = Articles();
        var many = FoldAssigner.LeaveOneGroupOut(articles);
        Assert.Equal(40, many.Distinct().Count());
        AssertGroupsIntact(articles, many);
    }
}
