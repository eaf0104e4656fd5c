using Classifier.Engine.Data;

namespace Classifier.Engine.Featurization;

/// <summary>The estimator: learns document frequencies (and, optionally, a vocabulary) from training texts.</summary>
public sealed class TextFeaturizer
{
    public TextFeaturizer(FeaturizerOptions options)
    {
        options.Validate();
        Options = options;
    }

    public FeaturizerOptions Options { get; }

    public FittedFeaturizer Fit(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        FitTransform(texts, cancellationToken).Featurizer;

    /// <summary>
    /// Fits and featurizes the same texts (training needs both). <paramref name="groups"/> (one key per text: its
    /// article) gives each paragraph its article context when <see cref="FeaturizerOptions.ContextWeight"/> is set;
    /// without it each text is its own article.
    /// </summary>
    /// <remarks>
    /// The n-gram hashes of a text are several times its size, so they are never held for the whole corpus at once
    /// (ML.NET's known memory blow-up on 100k+ rows): hashing counts each text as it is extracted; a learned
    /// vocabulary counts document frequencies chunk by chunk, then extracts again to count terms.
    /// </remarks>
    public (FittedFeaturizer Featurizer, SparseMatrix Features) FitTransform(IReadOnlyList<string> texts, CancellationToken cancellationToken = default,
        IReadOnlyList<int>? groups = null)
    {
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        var fitted = Options.LearnVocabulary
            ? FittedFeaturizer.WithVocabulary(Options, LearnVocabulary(texts, parallel))
            : FittedFeaturizer.Hashing(Options);
        fitted.Embed(texts, null, cancellationToken);
        var raw = new SparseVector?[texts.Count];
        Parallel.For(0, texts.Count, parallel, i => raw[i] = fitted.CountTerms(texts[i]));
        var df = new int[fitted.FeatureCount];
        foreach (var row in raw) foreach (var f in row!.Indices) df[f]++;
        var idf = fitted.Idf;
        for (int f = 0; f < idf.Length; f++) idf[f] = MathF.Log((1f + texts.Count) / (1f + df[f])) + 1f;
        Parallel.For(0, raw.Length, parallel, i =>
        {
            fitted.Weigh(raw[i]!);
            raw[i] = fitted.WithEmbedding(fitted.WithRules(raw[i]!, texts[i]), texts[i]);
        });
        if (Options.ContextWeight > 0)
            raw = fitted.WithContext(raw!, groups ?? Enumerable.Range(0, raw.Length).ToArray());
        return (fitted, SparseMatrix.FromRowsReleasing(fitted.FeatureCount, raw));
    }

    private const int VocabularyChunk = 4096;

    // Keyed by 64-bit n-gram hash; a collision between two distinct n-grams of one corpus is vanishingly unlikely.
    private (ulong[] Words, ulong[] Chars) LearnVocabulary(IReadOnlyList<string> texts, ParallelOptions parallel)
    {
        var documentCounts = new Dictionary<ulong, (int Count, bool Char)>();
        var seen = new HashSet<ulong>();
        var grams = new NgramList[Math.Min(VocabularyChunk, texts.Count)];
        for (int start = 0; start < texts.Count; start += VocabularyChunk)
        {
            int count = Math.Min(VocabularyChunk, texts.Count - start);
            Parallel.For(0, count, parallel, i => grams[i] = NgramExtractor.Extract(texts[start + i], Options));
            for (int d = 0; d < count; d++)
            {
                var doc = grams[d];
                seen.Clear();
                for (int i = 0; i < doc.Hashes.Length; i++)
                {
                    var g = doc.Hashes[i];
                    if (!seen.Add(g)) continue;
                    documentCounts.TryGetValue(g, out var c);
                    documentCounts[g] = (c.Count + 1, i >= doc.CharStart);
                }
                grams[d] = default;
            }
        }
        var words = new List<ulong>();
        var chars = new List<ulong>();
        foreach (var (g, c) in documentCounts)
            if (c.Count >= Options.MinCount) (c.Char ? chars : words).Add(g);
        words.Sort();
        chars.Sort();
        return ([.. words], [.. chars]);
    }
}
