using Classifier.Engine.Data;
using Classifier.Engine.Models;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Classifier.MlNet;

/// <summary>
/// A head that is a genuine ML.NET model (FeaturizeText → trainer → MapKeyToValue over a <c>Text</c> column), stored in
/// our model file as the bytes <c>MLContext.Model.Save</c> wrote, so the entry is itself a loadable ML.NET zip.
/// ML.NET's PredictionEngine is not thread-safe, so each thread borrows one from a pool: the model stays safe to share.
/// </summary>
public sealed class MlNetModel : ITextExplainer
{
    public const string ModelKind = "mlnet";

    private readonly byte[] _bytes;
    private readonly ObjectPool<PredictionEngine<MlNetScoringInput, MlNetOutput>> _engines;

    private MlNetModel(byte[] bytes, MLContext context, ITransformer transformer, MlNetSchema schema)
    {
        _bytes = bytes;
        Transformer = transformer;
        Schema = schema;
        ClassCount = schema.ClassCount;
        _engines = new DefaultObjectPool<PredictionEngine<MlNetScoringInput, MlNetOutput>>(new EnginePolicy(context, transformer, schema), Environment.ProcessorCount * 2);
        _explainer = new Lazy<MlNetLinearExplainer?>(() => MlNetLinearExplainer.TryCreate(context, transformer, schema));
    }

    private readonly Lazy<MlNetLinearExplainer?> _explainer;

    /// <summary>True for maximum-entropy heads (mlnet-sdca, mlnet-lbfgs); one-versus-all and tree heads cannot explain.</summary>
    public bool CanExplain => _explainer.Value is not null;

    public IReadOnlyList<Classifier.Engine.Pipeline.TermContribution> Explain(string text, int cls, int top) =>
        _explainer.Value?.Explain(text, cls, top) ?? [];

    /// <summary>The columns the model reads and writes, and its class names (from the Score column's slot names).</summary>
    public MlNetSchema Schema { get; }

    public string Kind => ModelKind;

    public int ClassCount { get; }

    /// <summary>0: the model featurizes the text itself.</summary>
    public int FeatureCount => 0;

    public string EntryExtension => ".zip";

    /// <summary>The fitted ML.NET pipeline.</summary>
    public ITransformer Transformer { get; }

    /// <summary>The model as ML.NET saved it (a zip that <c>mlContext.Model.Load</c> reads).</summary>
    public ReadOnlyMemory<byte> MlNetBytes => _bytes;

    public void PredictProbabilities(string text, Span<float> probabilities)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (probabilities.Length != ClassCount) throw new ArgumentException($"expected {ClassCount} probabilities, got {probabilities.Length}", nameof(probabilities));
        var engine = _engines.Get();
        float[] score;
        try
        {
            score = engine.Predict(new MlNetScoringInput { Text = text }).Score;
        }
        finally
        {
            _engines.Return(engine);
        }
        Normalize(score, probabilities);
    }

    public void PredictProbabilities(SparseRow features, Span<float> probabilities) =>
        throw new NotSupportedException("an ML.NET head featurizes text itself: score it with PredictProbabilities(string, ...)");

    public void WriteTo(BinaryWriter writer) => writer.Write(_bytes);

    /// <summary>Reads the rest of the entry as an ML.NET model zip.</summary>
    public static MlNetModel ReadFrom(BinaryReader reader)
    {
        var bytes = reader.ReadBytes(checked((int)(reader.BaseStream.Length - reader.BaseStream.Position)));
        return FromBytes(bytes);
    }

    /// <summary>Loads ML.NET model bytes; a model without one text input or a Score vector is invalid data.</summary>
    public static MlNetModel FromBytes(byte[] bytes)
    {
        var context = new MLContext(seed: 0);
        ITransformer transformer;
        DataViewSchema input;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            transformer = context.Model.Load(stream, out input);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"not a loadable ML.NET model ({ex.GetType().Name}: {ex.Message})", ex);
        }
        return new MlNetModel(bytes, context, transformer, MlNetSchema.Inspect(transformer, input));
    }

    /// <summary>Wraps a freshly fitted pipeline, saving it once so what is stored is what is scored.</summary>
    internal static MlNetModel FromFitted(MLContext context, ITransformer transformer)
    {
        var input = context.Data.LoadFromEnumerable(Array.Empty<MlNetInput>()).Schema;
        using var buffer = new MemoryStream();
        context.Model.Save(transformer, input, buffer);
        return new MlNetModel(buffer.ToArray(), context, transformer, MlNetSchema.Inspect(transformer, input));
    }

    /// <summary>Scores as probabilities: negatives (uncalibrated margins) clipped, then scaled to sum 1.</summary>
    private static void Normalize(float[] score, Span<float> probabilities)
    {
        float sum = 0;
        for (int c = 0; c < probabilities.Length; c++) sum += probabilities[c] = float.IsFinite(score[c]) && score[c] > 0 ? score[c] : 0f;
        if (sum <= 0) probabilities.Fill(1f / probabilities.Length);
        else for (int c = 0; c < probabilities.Length; c++) probabilities[c] /= sum;
    }

    private sealed class EnginePolicy(MLContext context, ITransformer transformer, MlNetSchema schema) : IPooledObjectPolicy<PredictionEngine<MlNetScoringInput, MlNetOutput>>
    {
        private readonly Lock _create = new();

        public PredictionEngine<MlNetScoringInput, MlNetOutput> Create()
        {
            // The model's own column names (a model made elsewhere may call its text "SentimentText").
            var input = SchemaDefinition.Create(typeof(MlNetScoringInput));
            input["Text"].ColumnName = schema.TextColumn;
            if (schema.LabelColumn is { } label) input["Label"].ColumnName = label;
            else input.Remove(input["Label"]);
            var output = SchemaDefinition.Create(typeof(MlNetOutput));
            output["PredictedLabel"].ColumnName = schema.PredictedLabelColumn ?? "PredictedLabel";
            if (schema.PredictedLabelColumn is null) output.Remove(output["PredictedLabel"]);
            // MLContext is not documented as safe for concurrent use; engines are created rarely, so serialise it.
            lock (_create) return context.Model.CreatePredictionEngine<MlNetScoringInput, MlNetOutput>(transformer, ignoreMissingColumns: true, input, output);
        }

        public bool Return(PredictionEngine<MlNetScoringInput, MlNetOutput> obj) => true;
    }
}
