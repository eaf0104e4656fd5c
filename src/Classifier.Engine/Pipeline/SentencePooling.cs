namespace Classifier.Engine.Pipeline;

/// <summary>
/// Combines a paragraph's sentence-level probabilities for a head with a background class (stance's neutral): each
/// other class takes the highest probability any sentence gives it, the background the lowest, renormalised.
/// </summary>
/// <remarks>
/// Why: real wire and state-media paragraphs often put one side's claim in one sentence among neutral background,
/// and a bag of n-grams over the whole paragraph dilutes that sentence until the paragraph reads neutral (the main
/// loss on real coverage: partisan paragraphs called neutral). The maximum, not a mean, because one unanswered claim
/// is enough for the codebook; the paragraph's own probabilities are left out because mixing them in measured worse
/// (README, "Accuracy on real paragraphs", sentence pooling).
/// </remarks>
public static class SentencePooling
{
    /// <summary>
    /// Writes the pooled distribution of <paramref name="sentences"/> (one probability vector per sentence, each as
    /// long as <paramref name="pooled"/>) into <paramref name="pooled"/>.
    /// </summary>
    public static void Pool(IReadOnlyList<float[]> sentences, int background, Span<float> pooled)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sentences.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(background);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(background, pooled.Length);
        foreach (var s in sentences)
            if (s.Length != pooled.Length) throw new ArgumentException($"a sentence has {s.Length} probabilities for {pooled.Length} classes", nameof(sentences));
        for (int k = 0; k < pooled.Length; k++)
        {
            float v = sentences[0][k];
            for (int s = 1; s < sentences.Count; s++)
                v = k == background ? MathF.Min(v, sentences[s][k]) : MathF.Max(v, sentences[s][k]);
            pooled[k] = v;
        }
        float sum = 0;
        foreach (var v in pooled) sum += v;
        if (!(sum > 0)) return;
        for (int k = 0; k < pooled.Length; k++) pooled[k] /= sum;
    }
}
