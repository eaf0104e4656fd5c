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
        if (strata.Count != groups.Count) throw new ArgumentException($"{strata.Count} strata for {groups.Count} rows.");
        var members = GroupMembers(groups);
        int strataCount = 0;
        foreach (var s in strata)
        {
            if (s < 0) throw new ArgumentException($"stratum {s} is negative.");
            strataCount = Math.Max(strataCount, s + 1);
        }
        var total = new double[strataCount];
        foreach (var s in strata) total[s]++;

        var order = members.Keys.ToList();
        order.Sort(StringComparer.Ordinal);
        Shuffle(order, new Random(seed));
        // Stable sort by size keeps the seeded order among groups of equal size.
        order = [.. order.OrderByDescending(g => members[g].Count)];

        var foldCounts = new double[folds, strataCount];
        var foldSizes = new int[folds];
        var add = new double[strataCount];
        var result = new int[groups.Count];
        int emptyFolds = folds;
        for (int g = 0; g < order.Count; g++)
        {
            var rows = members[order[g]];
            Array.Clear(add);
            foreach (var r in rows) add[strata[r]]++;
            // When the groups left are no more than the empty folds, each must open a fold, or some fold stays empty.
            bool mustOpen = order.Count - g <= emptyFolds;
            int best = -1;
            double bestDelta = double.MaxValue;
            for (int f = 0; f < folds; f++)
            {
                if (mustOpen && foldSizes[f] > 0) continue;
                // The change in squared deviation from an even share (1/k of each stratum, 1/k of the rows) that adding
                // this group to fold f would cause. The change, not the level: judged by level, a fold already near
                // its share would look better than an empty one and soak up group after group.
                double delta = 0;
                for (int s = 0; s < strataCount; s++)
                {
                    if (add[s] == 0) continue;
                    double before = foldCounts[f, s] / total[s] - 1.0 / folds, after = before + add[s] / total[s];
                    delta += after * after - before * before;
                }
                double sizeBefore = foldSizes[f] / (double)groups.Count - 1.0 / folds, sizeAfter = sizeBefore + rows.Count / (double)groups.Count;
                delta += sizeAfter * sizeAfter - sizeBefore * sizeBefore;
                // Ties go to the smaller fold, then the lower index.
                if (delta < bestDelta - 1e-12 || (Math.Abs(delta - bestDelta) <= 1e-12 && foldSizes[f] < foldSizes[best]))
                {
                    bestDelta = delta;
                    best = f;
                }
            }
            foreach (var r in rows)
            {
                result[r] = best;
                foldCounts[best, strata[r]]++;
            }
            if (foldSizes[best] == 0) emptyFolds--;
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
