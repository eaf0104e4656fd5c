using System.Runtime.Intrinsics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics.X86;
using System.Text.Json;
using Classifier.Engine.Data;
using Classifier.Engine.Persistence;

namespace Classifier.Engine.Featurization;

/// <summary>
/// The fitted transform: text → sparse vector. Features [0, <see cref="WordBlockSize"/>) are word n-grams, then
/// character n-grams up to <see cref="VoiceBlockStart"/>, then (with <see cref="FeaturizerOptions.VoiceNgrams"/>) word
/// n-grams marked by voice. Each block is normalised on its own. Immutable, so one instance featurizes from many
/// threads at once.
/// </summary>
public sealed class FittedFeaturizer
{
    private readonly VocabularyIndex? _vocabulary;
    private readonly ulong[] _words, _chars;
    private readonly int _mask;
    private readonly RuleFeatures? _rules;
    private readonly FrameFeatures? _frames;
    private readonly ITextEmbedder? _embedder;
    [ThreadStatic] private static Scratch? _scratch;

    private FittedFeaturizer(FeaturizerOptions options, ulong[] words, ulong[] chars, float[]? idf)
    {
        Options = options;
        _words = words;
        _chars = chars;
        _mask = (1 << options.HashBits) - 1;
        if (options.LearnVocabulary)
        {
            _vocabulary = new VocabularyIndex(words, chars);
            WordBlockSize = words.Length;
            FeatureCount = words.Length + chars.Length;
        }
        else
        {
            WordBlockSize = 1 << options.HashBits;
            FeatureCount = options.CharNgramMin > 0 ? 2 * WordBlockSize : WordBlockSize;
        }
        VoiceBlockStart = FeatureCount;
        if (options.VoiceNgrams) FeatureCount += 1 << options.HashBits;
        RuleBlockStart = FeatureCount;
        if (options.RuleFeatures is { } rules)
        {
            _rules = new RuleFeatures(rules);
            FeatureCount += _rules.Count;
        }
        FrameBlockStart = FeatureCount;
        if (options.Frames is { } frames)
        {
            _frames = new FrameFeatures(frames);
            FeatureCount += FrameFeatures.Size;
        }
        EmbeddingBlockStart = FeatureCount;
        if (options.Embeddings is { } embeddings)
        {
            _embedder = TextEmbedders.Get(embeddings);
            FeatureCount += _embedder.Dimensions;
        }
        ContextBlockStart = FeatureCount;
        if (options.ContextWeight > 0) FeatureCount *= 2;
        Idf = idf ?? new float[FeatureCount];
        if (Idf.Length != FeatureCount) throw new ArgumentException($"{Idf.Length} IDF weights for {FeatureCount} features.");
    }

    internal static FittedFeaturizer Hashing(FeaturizerOptions options) => new(options, [], [], null);

    internal static FittedFeaturizer WithVocabulary(FeaturizerOptions options, (ulong[] Words, ulong[] Chars) vocabulary) =>
        new(options, vocabulary.Words, vocabulary.Chars, null);

    public FeaturizerOptions Options { get; }
    public int FeatureCount { get; }
    public int WordBlockSize { get; }

    /// <summary>The first voice-marked feature (where the next block starts when that block is off).</summary>
    public int VoiceBlockStart { get; }

    /// <summary>The first rule feature (where the next block starts when rule features are off).</summary>
    public int RuleBlockStart { get; }

    /// <summary>The first embedding feature (where the next block starts when embeddings are off).</summary>
    public int EmbeddingBlockStart { get; }

    /// <summary>The first frame feature (see <see cref="FrameFeatures"/>); the block is empty without a frame lexicon.</summary>
    public int FrameBlockStart { get; }

    /// <summary>
    /// The first article-context feature: context feature <c>ContextBlockStart + j</c> is feature j averaged over the
    /// article (the feature count when context is off).
    /// </summary>
    public int ContextBlockStart { get; }

    /// <summary>Bits of a sort key: the feature index shifted left once for the sign.</summary>
    private int KeyBits => 32 - int.LeadingZeroCount(2 * FeatureCount - 1);

    /// <summary>Inverse document frequency per feature, learned at fit time.</summary>
    internal float[] Idf { get; }

    /// <summary>One text as an article of its own (its context block, if any, is itself).</summary>
    public SparseVector Transform(string text)
    {
        var v = TransformParagraph(text);
        return Options.ContextWeight > 0 ? WithContext([v], [0])[0] : v;
    }

    /// <summary>The paragraphs of one article, each with the article as its context.</summary>
    public SparseVector[] TransformArticle(IReadOnlyList<string> paragraphs)
    {
        Embed(paragraphs);
        var vectors = new SparseVector[paragraphs.Count];
        Parallel.For(0, paragraphs.Count, i => vectors[i] = TransformParagraph(paragraphs[i]));
        return Options.ContextWeight > 0 ? WithContext(vectors, new int[vectors.Length]) : vectors;
    }

    /// <summary>
    /// <see cref="TransformArticle"/>'s vectors with each paragraph's <see cref="Terms"/> beside them, from one
    /// featurization per paragraph: explaining a prediction then needs no second pass over the text.
    /// </summary>
    public (SparseVector[] Vectors, FeatureTerm[][] Terms) TransformArticleWithTerms(IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        Embed(paragraphs);
        var vectors = new SparseVector[paragraphs.Count];
        var terms = new FeatureTerm[paragraphs.Count][];
        Parallel.For(0, paragraphs.Count, i => vectors[i] = TransformParagraph(paragraphs[i], out terms[i]));
        return (Options.ContextWeight > 0 ? WithContext(vectors, new int[vectors.Length]) : vectors, terms);
    }

    private SparseVector TransformParagraph(string text, out FeatureTerm[] terms)
    {
        var (ngrams, texts) = NgramExtractor.ExtractWithTexts(text, Options);
        var v = CountTerms(ngrams.Hashes, ngrams.CharStart, ngrams.VoiceStart, _scratch ??= new Scratch());
        Weigh(v);
        var list = new List<FeatureTerm>(texts.Length);
        for (int i = 0; i < texts.Length; i++)
        {
            var kind = i >= ngrams.VoiceStart ? TermKind.Voice : i >= ngrams.CharStart ? TermKind.Char : TermKind.Word;
            int f = FeatureOf(ngrams.Hashes[i], kind, out _);
            if (f >= 0) list.Add(new FeatureTerm(f, texts[i], kind));
        }
        if (_rules is not null)
        {
            var (indices, values) = _rules.Compute(text);
            foreach (int r in indices) list.Add(new FeatureTerm(RuleBlockStart + r, _rules.Names[r], TermKind.Rule));
            v = WithRules(v, indices, values);
        }
        if (_frames is not null)
        {
            foreach (var term in _frames.Terms(text)) list.Add(new FeatureTerm(FrameBlockStart + FrameFeatures.Bucket(term), "frame:" + term, TermKind.Frame));
            v = WithFrames(v, text);
        }
        terms = [.. list];
        return WithEmbedding(v, text);
    }

    private SparseVector TransformParagraph(string text)
    {
        var v = CountTerms(text);
        Weigh(v);
        return WithEmbedding(WithFrames(WithRules(v, text), text), text);
    }

    /// <summary>Computes (and caches in the embedder) the embeddings of many texts in batches; a no-op without embeddings.</summary>
    internal void Embed(IReadOnlyList<string> texts, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default) =>
        _embedder?.Embed(texts, progress, cancellationToken);

    /// <summary>Appends the embedding block (unchanged without embeddings).</summary>
    internal SparseVector WithEmbedding(SparseVector v, string text)
    {
        if (_embedder is null) return v;
        var e = _embedder.Embed([text])[0];
        return v.Append(EmbeddingBlockStart, DenseIndices(e.Length), e, Options.EmbeddingWeight);
    }

    /// <summary>
    /// Appends to every vector its group's context: the mean of the group's vectors, scaled to unit L2 norm times
    /// <see cref="FeaturizerOptions.ContextWeight"/>, shifted into the context block. Unchanged when context is off.
    /// </summary>
    internal SparseVector[] WithContext(SparseVector[] vectors, IReadOnlyList<int> groups)
    {
        if (Options.ContextWeight <= 0) return vectors;
        var members = new Dictionary<int, List<int>>();
        for (int i = 0; i < vectors.Length; i++)
        {
            if (!members.TryGetValue(groups[i], out var list)) members[groups[i]] = list = [];
            list.Add(i);
        }
        var result = new SparseVector[vectors.Length];
        foreach (var list in members.Values)
        {
            var mean = new Dictionary<int, float>();
            foreach (int i in list)
                for (int j = 0; j < vectors[i].Count; j++)
                    mean[vectors[i].Indices[j]] = mean.GetValueOrDefault(vectors[i].Indices[j]) + vectors[i].Values[j];
            var keys = mean.Keys.ToArray();
            Array.Sort(keys);
            var values = Array.ConvertAll(keys, k => mean[k]);
            NormalizeBlock(values);
            for (int j = 0; j < values.Length; j++) values[j] *= Options.ContextWeight;
            foreach (int i in list) result[i] = vectors[i].Append(ContextBlockStart, keys, values);
        }
        return result;
    }

    /// <summary>Appends the rule block to weighted n-gram features (unchanged when rule features are off).</summary>
    internal SparseVector WithRules(SparseVector weighted, string text)
    {
        if (_rules is null) return weighted;
        var (indices, values) = _rules.Compute(text);
        return WithRules(weighted, indices, values);
    }

    private SparseVector WithRules(SparseVector weighted, int[] indices, float[] values)
    {
        if (indices.Length == 0) return weighted;
        if (Options.Normalize) NormalizeBlock(values);
        return weighted.Append(RuleBlockStart, indices, values);
    }

    /// <summary>Appends the frame block (unchanged without a frame lexicon, or when no phrase of it occurs).</summary>
    internal SparseVector WithFrames(SparseVector v, string text)
    {
        if (_frames is null) return v;
        var (indices, values) = _frames.Compute(text);
        return indices.Length == 0 ? v : v.Append(FrameBlockStart, indices, values);
    }

    private static int[] DenseIndices(int n)
    {
        var indices = new int[n];
        for (int j = 0; j < n; j++) indices[j] = j;
        return indices;
    }

    public SparseMatrix TransformAll(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var rows = new SparseVector?[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => rows[i] = Transform(texts[i]));
        return SparseMatrix.FromRowsReleasing(FeatureCount, rows);
    }

    /// <summary>Every n-gram of <paramref name="text"/> that maps to a feature, with its text.</summary>
    public IEnumerable<FeatureTerm> Terms(string text)
    {
        foreach (var (hash, term, kind) in NgramExtractor.Enumerate(text, Options))
        {
            int f = FeatureOf(hash, kind, out _);
            if (f >= 0) yield return new FeatureTerm(f, term, kind);
        }
        if (_rules is not null)
            foreach (int i in _rules.Compute(text).Indices) yield return new FeatureTerm(RuleBlockStart + i, _rules.Names[i], TermKind.Rule);
        if (_frames is not null)
            foreach (var term in _frames.Terms(text)) yield return new FeatureTerm(FrameBlockStart + FrameFeatures.Bucket(term), "frame:" + term, TermKind.Frame);
    }

    /// <summary>
    /// Signed n-gram counts (raw term frequencies), indices ascending. Extracts and counts in per-thread buffers: the
    /// only allocations are the returned vector's arrays.
    /// </summary>
    internal SparseVector CountTerms(string text)
    {
        var scratch = _scratch ??= new Scratch();
        int count = NgramExtractor.ExtractInto(text, Options, ref scratch.Hashes, out int charStart, out int voiceStart);
        return CountTerms(scratch.Hashes.AsSpan(0, count), charStart, voiceStart, scratch);
    }

    // Counting in a small, cache-resident table: a dense count array over 2^19 features would cost a cache miss per
    // n-gram. The table keeps the features in index order (see OrderedCounter), so only the ~550 distinct features of a
    // paragraph are visited afterwards and nothing is sorted; bunched features fall back to sorting the keys.
    private SparseVector CountTerms(ReadOnlySpan<ulong> hashes, int charStart, int voiceStart, Scratch scratch)
    {
        var counter = scratch.Counter;
        counter.Begin(hashes.Length, NgramFeatureBits);
        bool counted;
        if (_vocabulary is not null) counted = VocabularyCounts(hashes, counter);
        else
        {
            uint mask = (uint)_mask;
            counted = counter.AddHashed(hashes[..charStart], 0, mask)
                && counter.AddHashed(hashes[charStart..voiceStart], WordBlockSize, mask)
                && counter.AddHashed(hashes[voiceStart..], VoiceBlockStart, mask);
        }
        if (!counted)
        {
            counter.Clear();
            return SortedCounts(hashes, charStart, voiceStart, scratch);
        }
        int distinct = counter.Distinct;
        if (scratch.Indices.Length < distinct) { scratch.Indices = new int[distinct]; scratch.Values = new float[distinct]; }
        // The IDF table (2^20 floats by default) is far larger than the caches: each feature's IDF line is prefetched
        // as the counts are read out, so the weighting's gather finds the lines on their way. Read out into the
        // per-thread buffers first: colliding n-grams of opposite sign may cancel, and the
        // returned arrays are then allocated once at their final length.
        int count = counter.Drain(scratch.Indices, scratch.Values, Options.Weighting != TermWeighting.Tf ? Idf : default);
        var indices = GC.AllocateUninitializedArray<int>(count);
        var values = GC.AllocateUninitializedArray<float>(count);
        scratch.Indices.AsSpan(0, count).CopyTo(indices);
        scratch.Values.AsSpan(0, count).CopyTo(values);
        return new SparseVector(indices, values);
    }

    // How many n-grams ahead a vocabulary slot is prefetched: enough to cover a memory access at a few ns a lookup.
    private const int PrefetchAhead = 16;

    private bool VocabularyCounts(ReadOnlySpan<ulong> hashes, OrderedCounter counter)
    {
        var vocabulary = _vocabulary!;
        for (int i = 0; i < Math.Min(PrefetchAhead, hashes.Length); i++) vocabulary.Prefetch(hashes[i]);
        for (int i = 0; i < hashes.Length; i++)
        {
            if (i + PrefetchAhead < hashes.Length) vocabulary.Prefetch(hashes[i + PrefetchAhead]);
            if (vocabulary.TryGetValue(hashes[i], out var f) && !counter.Add(f, 1)) return false;
        }
        return true;
    }

    /// <summary>Bits of an n-gram feature index (the rule, frame, embedding and context blocks come after them).</summary>
    private int NgramFeatureBits => 32 - int.LeadingZeroCount(Math.Max(RuleBlockStart, 1) - 1);

    // The fallback for features too bunched for OrderedCounter: sorting (feature, sign) keys.
    private SparseVector SortedCounts(ReadOnlySpan<ulong> hashes, int charStart, int voiceStart, Scratch scratch)
    {
        if (scratch.Keys.Length < hashes.Length) scratch.Keys = new int[Math.Max(hashes.Length, scratch.Keys.Length * 2)];
        var keys = scratch.Keys.AsSpan();
        int n = _vocabulary is not null
            ? VocabularyKeys(hashes, keys)
            : HashedKeys(hashes[..charStart], 0, keys)
                + HashedKeys(hashes[charStart..voiceStart], WordBlockSize, keys[charStart..])
                + HashedKeys(hashes[voiceStart..], VoiceBlockStart, keys[voiceStart..]);
        keys = keys[..n];
        if (scratch.SortBuffer.Length < n) scratch.SortBuffer = new int[scratch.Keys.Length];
        RadixSort.SortSpread(keys, scratch.SortBuffer, KeyBits);
        // Run-length pass without data-dependent branches (half the keys start a new feature, so a branch would
        // mispredict about every other key): a new feature moves the cursor and restarts its sum at zero.
        if (scratch.Indices.Length < n) { scratch.Indices = new int[scratch.Keys.Length]; scratch.Values = new float[scratch.Keys.Length]; }
        var idx = scratch.Indices.AsSpan();
        var val = scratch.Values.AsSpan();
        int at = -1, previous = -1;
        foreach (int key in keys)
        {
            int f = key >> 1;
            int isNew = f != previous ? 1 : 0;
            at += isNew;
            // The first key is always new, so at >= 0 here; a stale slot (finite, from an earlier text) is zeroed.
            val[at] = val[at] * (1 - isNew) + (1 - 2 * (key & 1));
            idx[at] = f;
            previous = f;
        }
        // Colliding n-grams of opposite sign may cancel; zeros are dropped rather than stored.
        int distinct = at + 1, count = 0;
        for (int i = 0; i < distinct; i++) count += val[i] != 0f ? 1 : 0;
        var indices = GC.AllocateUninitializedArray<int>(count);
        var values = GC.AllocateUninitializedArray<float>(count);
        if (count == distinct)
        {
            // The usual case (no cancellation): block copies instead of a loop with a branch per feature.
            idx[..distinct].CopyTo(indices);
            val[..distinct].CopyTo(values);
        }
        else
            for (int i = 0, j = 0; i < distinct; i++)
                if (val[i] != 0f) { indices[j] = idx[i]; values[j++] = val[i]; }
        return new SparseVector(indices, values);
    }

    // FeatureOf for one block of hashed n-grams, without its per-n-gram branch on the block: every hash maps to a key.
    // The IDF table (2^20 floats by default) is far larger than the caches: each key's IDF line is prefetched here,
    // so the misses are served while the keys are sorted and counted instead of stalling the weighting's gather.
    private unsafe int HashedKeys(ReadOnlySpan<ulong> hashes, int offset, Span<int> keys)
    {
        uint mask = (uint)_mask;
        keys = keys[..hashes.Length];
        bool prefetch = Sse.IsSupported && Options.Weighting != TermWeighting.Tf;
        fixed (float* idf = Idf)
            for (int i = 0; i < hashes.Length; i++)
            {
                ulong h = hashes[i];
                int f = offset + (int)(h & mask);
                keys[i] = (f << 1) | (int)(h >> 63);
                if (prefetch) Sse.Prefetch0(idf + f);
            }
        return hashes.Length;
    }

    private int VocabularyKeys(ReadOnlySpan<ulong> hashes, Span<int> keys)
    {
        int n = 0;
        foreach (var h in hashes)
            if (_vocabulary!.TryGetValue(h, out var f)) keys[n++] = f << 1;
        return n;
    }

    /// <summary>Turns raw counts into the configured weights, in place: TF transform, IDF, per-block L2 norm.</summary>
    internal void Weigh(SparseVector v) => Weigh(v.Values, v.Indices);

    /// <summary>The same on a row of counts in place (a row of the training matrix, built without per-row arrays).</summary>
    internal void Weigh(Span<float> values, ReadOnlySpan<int> indices)
    {
        bool useIdf = Options.Weighting != TermWeighting.Tf;
        var scratch = _scratch ??= new Scratch();
        if (scratch.Weights.Length < values.Length)
        {
            scratch.Weights = new float[Math.Max(values.Length, 2 * scratch.Weights.Length)];
            scratch.Weighted = new float[scratch.Weights.Length];
        }
        Span<float> idf = default;
        if (useIdf)
        {
            // The IDF loads may miss the cache (2^20 features); they come first in a loop of their own, with nothing
            // to wait for between them, so the misses overlap instead of queueing behind each logarithm.
            idf = scratch.Weights.AsSpan(0, values.Length);
            var table = Idf;
            for (int i = 0; i < idf.Length; i++) idf[i] = table[indices[i]];
        }
        var weighted = scratch.Weighted.AsSpan(0, values.Length);
        if (!Options.Normalize)
        {
            if (WeighCounts(values, idf, useIdf, weighted, out _)) weighted.CopyTo(values);
            else WeighBlock(values, idf, useIdf);
            return;
        }
        // Indices are distinct and ascending, so a block starts where its first index would be inserted.
        int chars = BlockStart(indices, WordBlockSize), voices = BlockStart(indices, VoiceBlockStart);
        WeighAndScale(values[..chars], useIdf ? idf[..chars] : default, useIdf, weighted[..chars]);
        WeighAndScale(values[chars..voices], useIdf ? idf[chars..voices] : default, useIdf, weighted[chars..voices]);
        WeighAndScale(values[voices..], useIdf ? idf[voices..] : default, useIdf, weighted[voices..]);
    }

    private void WeighAndScale(Span<float> values, ReadOnlySpan<float> idf, bool useIdf, Span<float> weighted)
    {
        if (WeighCounts(values, idf, useIdf, weighted, out double sumOfSquares))
        {
            if (sumOfSquares == 0) weighted.CopyTo(values);
            else TensorPrimitives.Multiply(weighted, ScaleFor(sumOfSquares), values);
        }
        else Scale(values, WeighBlock(values, idf, useIdf));
    }

    /// <summary>
    /// <see cref="WeighBlock"/> for counts that are whole numbers below 256 (every paragraph's, in practice), written to
    /// <paramref name="weighted"/>; false, with <paramref name="values"/> untouched, when some count is not.
    /// </summary>
    /// <remarks>
    /// The same weights and the same sum, in the same order, as <see cref="WeighBlock"/>, but with nothing called in
    /// the loop: a call there (the logarithm, or the formula for large counts) makes the JIT keep the running sum on
    /// the stack, and its chain of additions then waits on a store and a load every step.
    /// </remarks>
    private unsafe bool WeighCounts(ReadOnlySpan<float> values, ReadOnlySpan<float> idf, bool useIdf, Span<float> weighted, out double sumOfSquares)
    {
        var tfTable = Options.Weighting == TermWeighting.Idf ? OnesTable : Options.SublinearTf ? SublinearTable : IdentityTable;
        int n = values.Length, i = 0, outside = 0;
        weighted = weighted[..n];
        if (useIdf) idf = idf[..n];
        if (Avx2.IsSupported && n >= Vector256<float>.Count)
        {
            // Eight weights at a time: each is a lookup, a product and a sign, rounded exactly as one at a time.
            var outsideLanes = Vector256<int>.Zero;
            var sign = Vector256.Create(-0f);
            var limit = Vector256.Create((int)byte.MaxValue);
            fixed (float* table = tfTable, v = values, w = weighted, d = idf)
                for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
                {
                    var tf = Avx.LoadVector256(v + i);
                    var magnitude = Avx.AndNot(sign, tf);
                    // Truncation gives int.MinValue for NaN and for magnitudes past int's range: outside the table too.
                    var m = Avx.ConvertToVector256Int32WithTruncation(magnitude);
                    var exact = Avx.CompareEqual(Avx.ConvertToVector256Single(m), magnitude).AsInt32();
                    var inTable = Avx2.AndNot(Avx2.CompareGreaterThan(m, limit), Avx2.CompareGreaterThan(m, Vector256.Create(-1)));
                    outsideLanes = Avx2.Or(outsideLanes, Avx2.AndNot(Avx2.And(exact, inTable), Vector256<int>.AllBitsSet));
                    var weight = Avx2.GatherVector256(table, Avx2.And(m, limit), 4);
                    if (useIdf) weight = Avx.Multiply(weight, Avx.LoadVector256(d + i));
                    // CopySign: the weight's magnitude bits with the count's sign bit.
                    Avx.Store(w + i, Avx.Or(Avx.AndNot(sign, weight), Avx.And(sign, tf)));
                }
            outside = outsideLanes == Vector256<int>.Zero ? 0 : 1;
        }
        for (; i < n; i++)
        {
            float tf = values[i], magnitude = MathF.Abs(tf);
            int m = (int)magnitude;
            outside |= (m > byte.MaxValue ? 1 : 0) | (m != magnitude ? 1 : 0);
            float weight = tfTable[m & byte.MaxValue];
            weighted[i] = MathF.CopySign(useIdf ? weight * idf[i] : weight, tf);
        }
        // The sum of squares stays one chain of double additions in index order, as WeighBlock's: a vectorised sum
        // would add in another order and could change the last bit of the norm.
        double sum = 0;
        foreach (float x in weighted) sum += (double)x * x;
        sumOfSquares = sum;
        return outside == 0;
    }

    private static int BlockStart(ReadOnlySpan<int> indices, int firstFeature)
    {
        int at = indices.BinarySearch(firstFeature);
        return at >= 0 ? at : ~at;
    }

    /// <summary>Weighs one block in place (TF transform, then IDF when <paramref name="useIdf"/>); returns its sum of squares.</summary>
    private double WeighBlock(Span<float> values, ReadOnlySpan<float> idf, bool useIdf)
    {
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            float tf = values[i];
            float weight = TfWeight(MathF.Abs(tf));
            if (useIdf) weight *= idf[i];
            float x = MathF.CopySign(weight, tf);
            values[i] = x;
            sum += (double)x * x;
        }
        return sum;
    }

    private float TfWeight(float magnitude)
    {
        if (Options.Weighting == TermWeighting.Idf || magnitude == 1f) return 1f;
        if (!Options.SublinearTf) return magnitude;
        int m = (int)magnitude;
        return m < SublinearTable.Length && m == magnitude ? SublinearTable[m] : 1f + MathF.Log(magnitude);
    }

    // 1 + ln(count) from the same MathF.Log the formula calls: the same bits without a call into the C runtime's logf
    // for every repeated n-gram. Entry 1 is exactly 1 (ln 1 = 0), as the formula's special case.
    private static readonly float[] SublinearTable = BuildTable(m => 1f + MathF.Log(m));
    private static readonly float[] IdentityTable = BuildTable(m => m == 1 ? 1f : m);
    private static readonly float[] OnesTable = BuildTable(_ => 1f);

    private static float[] BuildTable(Func<int, float> weight)
    {
        var table = new float[256];
        for (int m = 0; m < table.Length; m++) table[m] = weight(m);
        return table;
    }

    // Each product is rounded alone, vectorised or not: the same bits as a scalar loop.
    private static void Scale(Span<float> block, double sumOfSquares)
    {
        if (sumOfSquares == 0) return;
        TensorPrimitives.Multiply(block, ScaleFor(sumOfSquares), block);
    }

    private static float ScaleFor(double sumOfSquares) => (float)(1 / Math.Sqrt(sumOfSquares));

    private static void NormalizeBlock(float[] block) => NormalizeBlock(block.AsSpan());

    private static void NormalizeBlock(Span<float> block)
    {
        double sum = 0;
        foreach (var x in block) sum += (double)x * x;
        Scale(block, sum);
    }

    /// <summary>Feature index of one n-gram hash, or -1 when a learned vocabulary does not hold it.</summary>
    private int FeatureOf(ulong hash, TermKind kind, out float sign)
    {
        if (_vocabulary is not null)
        {
            sign = 1f;
            return _vocabulary.TryGetValue(hash, out var f) ? f : -1;
        }
        // The top bit picks the sign, so colliding n-grams cancel on average instead of adding up (Weinberger et al. 2009).
        sign = (hash >> 63) == 0 ? 1f : -1f;
        int bucket = (int)(hash & (uint)_mask);
        return kind switch { TermKind.Char => WordBlockSize + bucket, TermKind.Voice => VoiceBlockStart + bucket, _ => bucket };
    }

    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(JsonSerializer.Serialize(Options));
        BinaryFormat.WriteLongs(writer, _words);
        BinaryFormat.WriteLongs(writer, _chars);
        // Every feature no training text had shares one IDF (the largest); only the others are stored.
        float unseen = 0f;
        foreach (var v in Idf) unseen = MathF.Max(unseen, v);
        var indices = new List<int>();
        var values = new List<float>();
        for (int f = 0; f < Idf.Length; f++)
            if (Idf[f] != unseen) { indices.Add(f); values.Add(Idf[f]); }
        writer.Write(Idf.Length);
        writer.Write(unseen);
        BinaryFormat.WriteInts(writer, indices.ToArray());
        BinaryFormat.WriteFloats(writer, values.ToArray());
    }

    public static FittedFeaturizer ReadFrom(BinaryReader reader)
    {
        var options = JsonSerializer.Deserialize<FeaturizerOptions>(reader.ReadString())
            ?? throw new InvalidDataException("featurizer settings are missing");
        options.Validate();
        if (options.Embeddings is { } name && !TextEmbedders.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
            throw new InvalidDataException($"the model uses embeddings '{name}', which this program cannot compute");
        if (options.Frames is { } frames)
        {
            try { _ = new FrameFeatures(frames); }
            catch (Classifier.Text.Diagnostics.InputException ex) { throw new InvalidDataException($"the model's frame lexicon is damaged: {ex.Message}"); }
        }
        var words = BinaryFormat.ReadLongs(reader);
        var chars = BinaryFormat.ReadLongs(reader);
        int count = reader.ReadInt32();
        // The settings and vocabulary fix the feature count; checking it first means a forged count allocates nothing.
        long expected = ((options.LearnVocabulary ? (long)words.Length + chars.Length : (options.CharNgramMin > 0 ? 2L : 1L) << options.HashBits)
            + (options.VoiceNgrams ? 1L << options.HashBits : 0)
            + (options.RuleFeatures is { } rules ? RuleFeatures.CountIn(rules) : 0)
            + (options.Frames is not null ? FrameFeatures.Size : 0)
            + (options.Embeddings is { } embeddings ? TextEmbedders.Get(embeddings).Dimensions : 0)) * (options.ContextWeight > 0 ? 2 : 1);
        BinaryFormat.Expect(count, expected, "featurizer feature count");
        float unseen = reader.ReadSingle();
        var indices = BinaryFormat.ReadInts(reader);
        var values = BinaryFormat.ReadFloats(reader);
        BinaryFormat.Expect(values.Length, indices.Length, "stored IDF values");
        var idf = new float[count];
        Array.Fill(idf, unseen);
        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)count) throw new InvalidDataException($"IDF index {indices[i]} is outside the {count} features");
            idf[indices[i]] = values[i];
        }
        return new FittedFeaturizer(options, words, chars, idf);
    }

    /// <summary>Per-thread buffers for n-gram hashes and sort keys, grown on demand and reused.</summary>
    private sealed class Scratch
    {
        public ulong[] Hashes = new ulong[1024];
        public int[] Keys = new int[1024];
        public int[] SortBuffer = new int[1024];
        public int[] Indices = new int[1024];
        public float[] Values = new float[1024];
        public float[] Weights = new float[1024];
        public float[] Weighted = new float[1024];
        public readonly OrderedCounter Counter = new();
    }
}
