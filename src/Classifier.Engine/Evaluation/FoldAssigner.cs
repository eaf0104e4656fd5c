namespace Classifier.Engine.Evaluation;

/// <summary>Assigns rows to cross-validation folds so that a group (an article) never straddles two folds.</summary>
public static class FoldAssigner
{
    /// <summary>
    /// Grouped k-fold, stratified as far as groups allow: groups are shuffled by <paramref name="seed"/>, then placed
    /// largest first into the fold where they most reduce the gap to an even share of every stratum.
    /// </summary>
    public static int[] StratifiedGroupKFold(IReadOnlyList<int> strata, IReadOnlyList<string> groups, int folds, int seed)
    {
        if (folds < 2) throw new ArgumentException($"cross-validation needs at least 2 folds, not {folds}.");
        var members = GroupMembers(groups);
        int strataCount = 0;
        foreach (var s in strata) strataCount = Math.Max(strataCount, s + 1);
        var total = new double[strataCount];
        foreach (var s in strata) total[s]++;

        var order = members.Keys.ToList();
        order.Sort(StringComparer.Ordinal);
        Shuffle(order, new Random(seed));
        // Stable sort by size keeps the seeded order among groups of equal size.
        order = [.. order.OrderByDescending(g => members[g].Count)];

        var foldCounts = new double[folds, strataCount];
        var foldSizes = new int[folds];
        var result = new int[groups.Count];
        foreach (var g in order)
        {
            var rows = members[g];
            int best = 0;
            double bestCost = double.MaxValue;
            for (int f = 0; f < folds; f++)
            {
                // Cost: squared deviation of each stratum's share in fold f from 1/k after adding this group, plus size balance.
                double cost = 0;
                for (int s = 0; s < strataCount; s++)
                {
                    double add = 0;
                    foreach (var r in rows) if (strata[r] == s) add++;
                    double share = (foldCounts[f, s] + add) / Math.Max(1, total[s]);
                    cost += (share - 1.0 / folds) * (share - 1.0 / folds);
                }
                cost += Math.Pow((foldSizes[f] + rows.Count) / (double)groups.Count - 1.0 / folds, 2);
                if (cost < bestCost) { bestCost = cost; best = f; }
            }
            foreach (var r in rows)
            {
                result[r] = best;
                foldCounts[best, strata[r]]++;
            }
            foldSizes[best] += rows.Count;
        }
        return result;
    }

    /// <summary>One fold per group, numbered in the ordinal order of the group names.</summary>
    public static int[] LeaveOneGroupOut(IReadOnlyList<string> groups)
    {
        var names = new SortedSet<string>(groups, StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        for (int i = 0; i < names.Count; i++) index[names[i]] = i;
        var result = new int[groups.Count];
        for (int r = 0; r < groups.Count; r++) result[r] = index[groups[r]];
        return result;
    }

    private static Dictionary<string, List<int>> GroupMembers(IReadOnlyList<string> groups)
    {
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int r = 0; r < groups.Count; r++)
        {
            if (!members.TryGetValue(groups[r], out var list)) members[groups[r]] = list = [];
            list.Add(r);
        }
        return members;
    }

    private static void Shuffle<T>(List<T> items, Random random)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
