using System.Numerics.Tensors;
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
    /// vocabulary counts document frequencies chunk by chunk, then extracts again to count terms. The counts go
    /// straight into the matrix's single index and value arrays, a chunk of texts at a time, and are weighted there in
    /// place: no per-row arrays outlive their chunk, so the peak is about one matrix (120k paragraphs: 670 MB) instead
    /// of the rows plus the matrix copied from them.
    /// </remarks>
    public (FittedFeaturizer Featurizer, SparseMatrix Features) FitTransform(IReadOnlyList<string> texts, CancellationToken cancellationToken = default,
        IReadOnlyList<int>? groups = null) => FitTransform(texts, cancellationToken, groups, release: null);

    /// <summary>
    /// Like <see cref="FitTransform(IReadOnlyList{string}, CancellationToken, IReadOnlyList{int}?)"/>, but takes the
    /// texts over: each entry of <paramref name="texts"/> is set to null once the featurizer has read it for the last
    /// time, and the released texts are collected as the matrix grows, so the peak is about the matrix rather than
    /// the matrix plus every text (120k paragraphs: ~110 MB of UTF-16). Only worth it when nothing else holds the
    /// strings. The rule, frame, embedding and context settings read texts row by row and release nothing.
    /// </summary>
    public (FittedFeaturizer Featurizer, SparseMatrix Features) FitTransformReleasing(string?[] texts, CancellationToken cancellationToken = default,
        IReadOnlyList<int>? groups = null) => FitTransform(texts!, cancellationToken, groups, release: texts);

    private (FittedFeaturizer Featurizer, SparseMatrix Features) FitTransform(IReadOnlyList<string> texts, CancellationToken cancellationToken,
        IReadOnlyList<int>? groups, string?[]? release)
    {
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        var fitted = Options.LearnVocabulary
            ? FittedFeaturizer.WithVocabulary(Options, LearnVocabulary(texts, parallel))
            : FittedFeaturizer.Hashing(Options);
        fitted.Embed(texts, null, cancellationToken);
        // Rule, frame, embedding and context blocks lengthen each row after weighting, so those settings (used on small
        // labelled sets, not 100k-row corpora) keep the row-by-row build.
        if (Options.RuleFeatures is not null || Options.Frames is not null || Options.Embeddings is not null || Options.ContextWeight > 0)
            return (fitted, TransformByRows(fitted, texts, parallel, groups));

        var matrix = CountAll(fitted, texts, parallel, release);
        var df = new int[fitted.FeatureCount];
        int[] starts = matrix.RowStarts, indices = matrix.Indices;
        Half[] values = matrix.Values;
        long nnz = matrix.NonZeroCount;
        for (long p = 0; p < nnz; p++) df[indices[p]]++;
        SetIdf(fitted, df, texts.Count);
        // Each row is widened, weighted in float exactly as Transform weighs one text, and narrowed back in place.
        Parallel.For(0, matrix.RowCount, parallel, () => new float[matrix.MaxRowLength], (i, _, buffer) =>
        {
            int start = starts[i], length = starts[i + 1] - start;
            var row = buffer.AsSpan(0, length);
            TensorPrimitives.ConvertToSingle(values.AsSpan(start, length), row);
            fitted.Weigh(row, indices.AsSpan(start, length));
            TensorPrimitives.ConvertToHalf(row, values.AsSpan(start, length));
            return buffer;
        }, _ => { });
        return (fitted, matrix);
    }

    private static void SetIdf(FittedFeaturizer fitted, int[] df, int documents)
    {
        var idf = fitted.Idf;
        for (int f = 0; f < idf.Length; f++) idf[f] = MathF.Log((1f + documents) / (1f + df[f])) + 1f;
    }

    // Small enough that a chunk's row arrays (~6 KB each at 120k-paragraph sizes) die young, large enough to keep
    // both cores busy between the sequential bookkeeping steps.
    private const int CountChunk = 2048;

    // Headroom over the estimated non-zeros: growing later copies the arrays (two of each alive at once), a far
    // larger cost than a few percent of slack.
    private const double CapacityHeadroom = 1.03;

    /// <summary>Raw signed term counts of every text, as one matrix, built a chunk of texts at a time.</summary>
    private static SparseMatrix CountAll(FittedFeaturizer fitted, IReadOnlyList<string> texts, ParallelOptions parallel, string?[]? release)
    {
        long totalChars = 0;
        for (int i = 0; i < texts.Count; i++) totalChars += texts[i].Length;
        long releasedChars = 0;
        var builder = new SparseMatrixBuilder(texts.Count);
        var chunk = new SparseVector?[Math.Min(CountChunk, texts.Count)];
        var lengths = new int[chunk.Length];
        long charsDone = 0;
        for (int start = 0; start < texts.Count; start += CountChunk)
        {
            int count = Math.Min(CountChunk, texts.Count - start), first = start;
            Parallel.For(0, count, parallel, i => chunk[i] = fitted.CountTerms(texts[first + i]));
            long needed = builder.NonZeroCount;
            for (int i = 0; i < count; i++)
            {
                lengths[i] = chunk[i]!.Count;
                needed += lengths[i];
                charsDone += texts[first + i].Length;
            }
            // Non-zeros grow about linearly with text length, so the first chunk's ratio sizes the arrays for the whole
            // corpus; a later chunk denser than that re-estimates from everything counted so far.
            if (needed > builder.Capacity)
            {
                double estimate = charsDone == 0 ? needed : (double)needed / charsDone * totalChars * CapacityHeadroom;
                builder.EnsureCapacity((long)Math.Min(Math.Max(estimate, needed), Array.MaxLength));
            }
            builder.AppendRows(lengths.AsSpan(0, count));
            Parallel.For(0, count, parallel, i =>
            {
                var row = chunk[i]!;
                row.Indices.CopyTo(builder.IndicesOf(first + i));
                // Raw counts: integers up to 2,048 are exact in 16 bits, far above any n-gram's count in a paragraph.
                TensorPrimitives.ConvertToHalf(row.Values, builder.ValuesOf(first + i));
                chunk[i] = null;
            });
            if (release is not null)
            {
                for (int i = 0; i < count; i++)
                {
                    releasedChars += release[first + i]!.Length;
                    release[first + i] = null;
                }
                // The released strings are old (gen 2) and die unseen by the frequent young collections, and a plain
                // full collection keeps their pages: an aggressive one halfway returns them to the OS (the caller collects the rest).
                if (releasedChars * 2 >= totalChars)
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    releasedChars = 0;
                }
            }
        }
        return builder.Build(fitted.FeatureCount);
    }

    /// <summary>The row-by-row build: every row's vector, weighted and extended by the rule, embedding and context blocks, then copied into the matrix.</summary>
    private static SparseMatrix TransformByRows(FittedFeaturizer fitted, IReadOnlyList<string> texts, ParallelOptions parallel, IReadOnlyList<int>? groups)
    {
        var raw = new SparseVector?[texts.Count];
        Parallel.For(0, texts.Count, parallel, i => raw[i] = fitted.CountTerms(texts[i]));
        var df = new int[fitted.FeatureCount];
        foreach (var row in raw) foreach (var f in row!.Indices) df[f]++;
        SetIdf(fitted, df, texts.Count);
        Parallel.For(0, raw.Length, parallel, i =>
        {
            fitted.Weigh(raw[i]!);
            raw[i] = fitted.WithEmbedding(fitted.WithFrames(fitted.WithRules(raw[i]!, texts[i]), texts[i]), texts[i]);
        });
        if (fitted.Options.ContextWeight > 0)
            raw = fitted.WithContext(raw!, groups ?? Enumerable.Range(0, raw.Length).ToArray());
        return SparseMatrix.FromRowsReleasing(fitted.FeatureCount, raw);
    }

    private const int VocabularyChunk = 4096;

    // Keyed by 64-bit n-gram hash; a collision between two distinct n-grams of one corpus is vanishingly unlikely.
    // Document frequencies are counted in parallel by shard: each worker reads every document of a chunk in order but
    // counts only the hashes of its own shard (chosen by the hash's high bits), so no table is shared, and the counts,
    // hence the vocabulary (sorted by hash), do not depend on the number of workers.
    private (ulong[] Words, ulong[] Chars) LearnVocabulary(IReadOnlyList<string> texts, ParallelOptions parallel)
    {
        int shards = Math.Clamp(Environment.ProcessorCount, 1, 64);
        var tables = new DocumentFrequencyTable[shards];
        for (int t = 0; t < shards; t++) tables[t] = new DocumentFrequencyTable();
        var grams = new NgramList[Math.Min(VocabularyChunk, texts.Count)];
        for (int start = 0; start < texts.Count; start += VocabularyChunk)
        {
            int count = Math.Min(VocabularyChunk, texts.Count - start), first = start;
            Parallel.For(0, count, parallel, i => grams[i] = NgramExtractor.Extract(texts[first + i], Options));
            Parallel.For(0, shards, parallel, shard =>
            {
                var table = tables[shard];
                for (int d = 0; d < count; d++)
                {
                    var hashes = grams[d].Hashes;
                    int charStart = grams[d].CharStart;
                    for (int i = 0; i < hashes.Length; i++)
                        if (ShardOf(hashes[i], shards) == shard) table.Add(hashes[i], first + d, i >= charStart);
                }
            });
            Array.Clear(grams, 0, count);
        }
        var words = new List<ulong>();
        var chars = new List<ulong>();
        foreach (var table in tables) table.Frequent(Options.MinCount, words, chars);
        words.Sort();
        chars.Sort();
        return ([.. words], [.. chars]);
    }

    private static int ShardOf(ulong hash, int shards) => (int)(((hash >> 32) * (ulong)shards) >> 32);
}
