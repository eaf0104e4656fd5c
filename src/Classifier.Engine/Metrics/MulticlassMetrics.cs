namespace Classifier.Engine.Metrics;

/// <summary>
/// Multiclass metrics with ML.NET's definitions (MulticlassClassificationMetrics) plus macro-F1, Cohen's kappa and
/// the F_avg of two named classes. Computed from true classes and predicted probabilities (row-major, n × K).
/// </summary>
public sealed record MulticlassMetrics(
    int Count,
    double MicroAccuracy,
    double MacroAccuracy,
    double MacroF1,
    double LogLoss,
    double LogLossReduction,
    int TopK,
    double TopKAccuracy,
    double Kappa,
    IReadOnlyList<ClassMetrics> PerClass,
    ConfusionMatrix Confusion)
{
    /// <summary>ML.NET clips probabilities at this value before taking the log, so one confident mistake is finite.</summary>
    public const double Epsilon = 1e-15;

    public static MulticlassMetrics Compute(IReadOnlyList<string> labels, ReadOnlySpan<int> truth, ReadOnlySpan<float> probabilities, int topK = 2)
    {
        int k = labels.Count, n = truth.Length;
        if (probabilities.Length != n * k) throw new ArgumentException($"{probabilities.Length} probabilities for {n} rows of {k} classes.");
        foreach (var t in truth)
            if ((uint)t >= (uint)k) throw new ArgumentException($"true class {t} is outside the {k} labels.", nameof(truth));
        var confusion = new ConfusionMatrix(k);
        var support = new int[k];
        double logLoss = 0;
        int topKHits = 0;
        for (int i = 0; i < n; i++)
        {
            var p = probabilities.Slice(i * k, k);
            int actual = truth[i], predicted = ArgMax(p);
            confusion.Add(actual, predicted);
            support[actual]++;
            logLoss -= Math.Log(Math.Clamp((double)p[actual], Epsilon, 1));
            if (RankOf(p, actual) < topK) topKHits++;
        }
        logLoss = n == 0 ? 0 : logLoss / n;

        // Log-loss of always predicting the class frequencies of this data (ML.NET's "prior").
        double priorLogLoss = 0;
        for (int c = 0; c < k; c++)
            if (support[c] > 0) priorLogLoss -= (double)support[c] / n * Math.Log((double)support[c] / n);

        var perClass = new ClassMetrics[k];
        double recallSum = 0;
        int present = 0;
        for (int c = 0; c < k; c++)
        {
            double tp = confusion.Count(c, c), predictedTotal = confusion.ColumnTotal(c);
            double precision = predictedTotal > 0 ? tp / predictedTotal : 0;
            double recall = support[c] > 0 ? tp / support[c] : 0;
            double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
            perClass[c] = new ClassMetrics(labels[c], precision, recall, f1, support[c]);
            if (support[c] > 0) { recallSum += recall; present++; }
        }
        return new MulticlassMetrics(
            n,
            n == 0 ? 0 : confusion.Diagonal / n,
            present == 0 ? 0 : recallSum / present,
            MacroF1Of(confusion),
            logLoss,
            priorLogLoss > 0 ? (priorLogLoss - logLoss) / priorLogLoss : 0,
            topK,
            n == 0 ? 0 : (double)topKHits / n,
            CohenKappa(confusion),
            perClass,
            confusion);
    }

    /// <summary>Macro-F1 of a confusion matrix: the mean F1 over the classes in the truth or the predictions (as scikit-learn).</summary>
    public static double MacroF1Of(ConfusionMatrix m)
    {
        double sum = 0;
        int scored = 0;
        for (int c = 0; c < m.ClassCount; c++)
        {
            double row = m.RowTotal(c), column = m.ColumnTotal(c);
            if (row + column == 0) continue;
            scored++;
            sum += 2 * m.Count(c, c) / (row + column);
        }
        return scored == 0 ? 0 : sum / scored;
    }

    /// <summary>Mean precision over the classes macro-F1 averages (those in the truth or the predictions).</summary>
    public double MacroPrecision => MeanOverScored(c => c.Precision);

    /// <summary>Mean recall over the classes macro-F1 averages.</summary>
    public double MacroRecall => MeanOverScored(c => c.Recall);

    /// <summary>F1 averaged with each class weighted by its support (scikit-learn's "weighted").</summary>
    public double WeightedF1 => SupportWeighted(c => c.F1);

    /// <summary>Precision averaged with each class weighted by its support.</summary>
    public double WeightedPrecision => SupportWeighted(c => c.Precision);

    /// <summary>Recall averaged with each class weighted by its support (equal to micro-accuracy).</summary>
    public double WeightedRecall => SupportWeighted(c => c.Recall);

    private double SupportWeighted(Func<ClassMetrics, double> value)
    {
        double sum = 0;
        foreach (var c in PerClass) sum += value(c) * c.Support;
        return Count == 0 ? 0 : sum / Count;
    }

    private double MeanOverScored(Func<ClassMetrics, double> value)
    {
        double sum = 0;
        int scored = 0;
        for (int c = 0; c < PerClass.Count; c++)
            if (PerClass[c].Support > 0 || Confusion.ColumnTotal(c) > 0) { sum += value(PerClass[c]); scored++; }
        return scored == 0 ? 0 : sum / scored;
    }

    /// <summary>Mean F1 of two classes (SemEval-2016 stance convention: F_avg of FAVOR and AGAINST).</summary>
    public double FAverage(string first, string second) => (F1Of(first) + F1Of(second)) / 2;

    public double F1Of(string label)
    {
        foreach (var c in PerClass) if (c.Label == label) return c.F1;
        throw new ArgumentException($"no class '{label}'");
    }

    /// <summary>κ = (p_o − p_e) / (1 − p_e), p_e from the row and column marginals.</summary>
    public static double CohenKappa(ConfusionMatrix m)
    {
        double total = m.Total;
        if (total == 0) return 0;
        double observed = m.Diagonal / total, expected = 0;
        for (int c = 0; c < m.ClassCount; c++) expected += m.RowTotal(c) / total * (m.ColumnTotal(c) / total);
        return expected >= 1 ? (observed >= 1 ? 1 : 0) : (observed - expected) / (1 - expected);
    }

    /// <summary>Index of the largest value; ties go to the lower index.</summary>
    public static int ArgMax(ReadOnlySpan<float> p)
    {
        int best = 0;
        for (int c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
        return best;
    }

    /// <summary>
    /// How many classes rank ahead of <paramref name="cls"/>: those scoring higher, and those scoring the same with a
    /// lower index (ML.NET's rule, consistent with <see cref="ArgMax"/>, so top-1 accuracy equals micro-accuracy).
    /// </summary>
    private static int RankOf(ReadOnlySpan<float> p, int cls)
    {
        int rank = 0;
        for (int c = 0; c < p.Length; c++) if (p[c] > p[cls] || (p[c] == p[cls] && c < cls)) rank++;
        return rank;
    }
}
