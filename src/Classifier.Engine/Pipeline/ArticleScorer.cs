namespace Classifier.Engine.Pipeline;

/// <summary>Aggregates paragraph predictions into an <see cref="ArticleSummary"/>.</summary>
public static class ArticleScorer
{
    public const string SerbiaLabel = "pro-serbia";
    public const string KosovoLabel = "pro-kosovo";

    /// <summary>Labels whose share of the article is at least this are listed among its main labels (the top one always is).</summary>
    public const double MainLabelShare = 0.25;

    public static ArticleSummary Summarize(string article, IReadOnlyList<ClassifierHead> heads, IReadOnlyList<HeadPrediction[]> paragraphs)
    {
        var distribution = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        var main = new Dictionary<string, IReadOnlyList<string>>();
        double? slant = null;
        for (int h = 0; h < heads.Count; h++)
        {
            var head = heads[h];
            var mean = new double[head.Labels.Count];
            foreach (var p in paragraphs)
                for (int c = 0; c < mean.Length; c++) mean[c] += p[h].Probabilities[c];
            for (int c = 0; c < mean.Length; c++) mean[c] = paragraphs.Count > 0 ? mean[c] / paragraphs.Count : 0;
            var byLabel = new Dictionary<string, double>();
            for (int c = 0; c < mean.Length; c++) byLabel[head.Labels[c]] = mean[c];
            distribution[head.Name] = byLabel;
            var order = Enumerable.Range(0, mean.Length).OrderByDescending(c => mean[c]).ToList();
            // An article with no kept paragraph has no main label and no slant: "unknown", not "neutral".
            main[head.Name] = paragraphs.Count == 0 ? [] : [.. order.Where((c, rank) => rank == 0 || mean[c] >= MainLabelShare).Select(c => head.Labels[c])];
            if (paragraphs.Count == 0) continue;

            int serbia = head.IndexOf(SerbiaLabel), kosovo = head.IndexOf(KosovoLabel);
            if (slant is null && serbia >= 0 && kosovo >= 0) slant = Slant(paragraphs, h, serbia, kosovo);
        }
        return new ArticleSummary(article, paragraphs.Count, distribution, main, slant);
    }

    /// <summary>
    /// Σ w_i (p_serbia − p_kosovo) / Σ w_i with w_i the paragraph's confidence (its top probability), so a few
    /// confident partisan paragraphs outweigh many hesitant ones. −1 = wholly pro-kosovo, +1 = wholly pro-serbia.
    /// </summary>
    public static double Slant(IReadOnlyList<HeadPrediction[]> paragraphs, int head, int serbia, int kosovo)
    {
        double numerator = 0, denominator = 0;
        foreach (var p in paragraphs)
        {
            var probs = p[head].Probabilities;
            double w = p[head].Confidence;
            numerator += w * (probs[serbia] - probs[kosovo]);
            denominator += w;
        }
        return denominator > 0 ? Math.Clamp(numerator / denominator, -1, 1) : 0;
    }
}
