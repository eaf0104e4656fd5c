using Classifier.Text.Labels;

namespace Classifier.Text.Labelling;

/// <summary>Applies a rule set to texts and combines the votes of each head with the <see cref="LabelModel"/>.</summary>
public static class WeakLabeller
{
    /// <summary>Rows between two calls of the progress callback: often enough for a progress bar, rarely enough to cost nothing.</summary>
    public const int ProgressEvery = 1000;

    /// <summary>Fires the rules on every text and fits each head's label model; <paramref name="rowsDone"/>, when given, hears the number of rows done every <see cref="ProgressEvery"/> rows and at the end.</summary>
    public static WeakLabels Run(RuleSet rules, IReadOnlyList<string> ids, IReadOnlyList<string> texts, CancellationToken cancellationToken = default,
        Action<int>? rowsDone = null)
    {
        int n = texts.Count;
        var fires = new bool[n][];
        var fired = new string[n][];
        for (int i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i % ProgressEvery == 0 && i > 0) rowsDone?.Invoke(i);
            fires[i] = rules.Fire(texts[i], ids[i]);
            var names = new List<string>();
            for (int r = 0; r < fires[i].Length; r++) if (fires[i][r]) names.Add(rules.Rules[r].Name);
            fired[i] = [.. names];
        }
        rowsDone?.Invoke(n);
        var heads = new List<HeadWeakLabels>();
        foreach (var head in rules.Heads)
        {
            var classes = LabelSchema.ValuesOf(head)!;
            var ruleIndices = new List<int>();
            for (int r = 0; r < rules.Rules.Count; r++) if (rules.Rules[r].Head == head) ruleIndices.Add(r);
            int m = ruleIndices.Count;
            var votes = new int[n * m];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    var rule = rules.Rules[ruleIndices[j]];
                    votes[i * m + j] = fires[i][ruleIndices[j]] ? IndexOf(classes, rule.Label) : VoteMatrix.Abstain;
                }
            }
            var matrix = new VoteMatrix(head, classes, ruleIndices.Select(r => rules.Rules[r].Name).ToArray(), votes);
            heads.Add(new HeadWeakLabels(head, matrix, [.. ruleIndices], LabelModel.Fit(matrix)));
        }
        return new WeakLabels(heads, fired);
    }

    private static int IndexOf(IReadOnlyList<string> classes, string label)
    {
        for (int c = 0; c < classes.Count; c++) if (classes[c] == label) return c;
        throw new ArgumentException($"label '{label}' is not a class", nameof(label));
    }
}
