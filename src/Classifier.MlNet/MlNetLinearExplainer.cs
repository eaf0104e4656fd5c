using System.Reflection;
using Classifier.Engine.Pipeline;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Classifier.MlNet;

/// <summary>
/// Explains a linear ML.NET head (maximum entropy: mlnet-sdca, mlnet-lbfgs; one-versus-all linear: mlnet-svm): the pipeline's transforms before the predictor
/// turn the text into its Features vector, and each slot's contribution to class c is w_c[j] · x_j, named by the
/// slot names FeaturizeText gives ("w.…" words, "c.…" characters in ML.NET's naming; the prefix becomes the kind).
/// </summary>
internal sealed class MlNetLinearExplainer
{
    private readonly MLContext _context;
    private readonly ITransformer[] _featurize;
    // Dense per class, made once: an explanation looks up a few hundred slots, and densifying per call cost a full copy.
    private readonly float[][] _weights;
    private readonly string[] _slotNames;
    private readonly MlNetSchema _schema;

    private MlNetLinearExplainer(MLContext context, ITransformer[] featurize, VBuffer<float>[] weights, string[] slotNames, MlNetSchema schema)
    {
        _context = context;
        _featurize = featurize;
        _weights = [.. weights.Select(w => w.DenseValues().ToArray())];
        _slotNames = slotNames;
        _schema = schema;
    }

    /// <summary>The explainer of a pipeline whose predictor is linear, else null (trees).</summary>
    public static MlNetLinearExplainer? TryCreate(MLContext context, ITransformer transformer, MlNetSchema schema)
    {
        if (transformer is not IEnumerable<ITransformer> chain) return null;
        var before = new List<ITransformer>();
        foreach (var step in chain)
        {
            if (step is ISingleFeaturePredictionTransformer<object> predictor && ClassWeights(predictor.Model) is { } weights)
            {
                if (weights.Length != schema.ClassCount) return null;
                var input = Input(context, schema, "").Schema;
                foreach (var t in before) input = t.GetOutputSchema(input);
                if (input.GetColumnOrNull(predictor.FeatureColumnName) is not { } features) return null;
                var names = default(VBuffer<ReadOnlyMemory<char>>);
                if (features.Annotations.Schema.GetColumnOrNull("SlotNames") is null) return null;
                features.GetSlotNames(ref names);
                return new MlNetLinearExplainer(context, [.. before], weights!, [.. names.DenseValues().Select(n => n.ToString())], schema) { FeatureColumn = predictor.FeatureColumnName };
            }
            before.Add(step);
        }
        return null;
    }

    private string FeatureColumn { get; init; } = "Features";

    /// <summary>
    /// One weight vector per class: a maximum-entropy model's own, or, for one-versus-all over linear binary models
    /// (mlnet-svm), each class's binary weights, whose w·x is the margin its calibrator turns into a probability.
    /// Null for anything else (trees).
    /// </summary>
    private static VBuffer<float>[]? ClassWeights(object model)
    {
        if (model is MaximumEntropyModelParameters maxEnt)
        {
            var weights = default(VBuffer<float>[]);
            maxEnt.GetWeights(ref weights, out _);
            return weights;
        }
        if (model is not OneVersusAllModelParameters ova || SubModels(ova) is not { } subModels) return null;
        var result = new VBuffer<float>[subModels.Length];
        for (int c = 0; c < result.Length; c++)
        {
            // Calibrated sub-models are CalibratedModelParametersBase<IPredictorWithFeatureWeights<float>, ICalibrator>,
            // whose type argument is not public: take the public SubModel property by name.
            // (the generic class and its base both declare one, hence the search by name rather than GetProperty).
            var sub = subModels[c];
            var linear = sub as LinearBinaryModelParameters
                ?? sub.GetType().GetProperties().Where(p => p.Name == "SubModel").Select(p => p.GetValue(sub)).OfType<LinearBinaryModelParameters>().FirstOrDefault();
            if (linear is null) return null;
            result[c] = new VBuffer<float>(linear.Weights.Count, [.. linear.Weights]);
        }
        return result;
    }

    // ML.NET 5.0.1 keeps OneVersusAllModelParameters.SubModelParameters internal (the models inside are public types);
    // read it by reflection, and if a later version renames it, explanations are off rather than wrong (a test pins it).
    private static object[]? SubModels(OneVersusAllModelParameters ova) =>
        typeof(OneVersusAllModelParameters).GetProperty("SubModelParameters", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?.GetValue(ova) is System.Collections.IEnumerable models ? [.. models.Cast<object>()] : null;

    public IReadOnlyList<TermContribution> Explain(string text, int cls, int top)
    {
        IDataView view;
        lock (_context) // building data views on one MLContext from several threads is not documented as safe
        {
            view = Input(_context, _schema, text);
            foreach (var t in _featurize) view = t.Transform(view);
        }
        var x = view.GetColumn<VBuffer<float>>(FeatureColumn).First();
        var w = _weights[cls];
        var list = new List<TermContribution>();
        foreach (var (j, value) in x.Items())
        {
            if (value == 0 || j >= w.Length || w[j] == 0) continue;
            var (kind, term) = Split(j < _slotNames.Length ? _slotNames[j] : $"slot {j}");
            // Character trigrams overlap the words they come from and read as fragments ("erbs", " is"); like our own
            // engine's explanations, list the word n-grams a reader can find in the text.
            if (kind == "char") continue;
            list.Add(new TermContribution(term, kind, value, w[j] * value));
        }
        list.Sort((a, b) => MathF.Abs(b.Contribution).CompareTo(MathF.Abs(a.Contribution)));
        return list.Count > top ? list.GetRange(0, top) : list;
    }

    /// <summary>"w.belgrade|talks" → (word, "belgrade talks"); "t.<␂>|k|o" → (char, "^ko"); anything else stays whole.</summary>
    private static (string Kind, string Term) Split(string slot)
    {
        int dot = slot.IndexOf('.');
        if (dot <= 0) return ("word", slot);
        string kind = slot[..dot] switch { "w" or "Words" or "WordBag" => "word", "t" or "c" or "Chars" or "CharBag" => "char", var other => other.ToLowerInvariant() };
        var term = slot[(dot + 1)..];
        // Characters come as "b|s|<␠>" (␠ = space, ␂/␃ = start/end of text); words as "kosovo|and".
        term = kind == "char"
            ? term.Replace("|", "").Replace("<\u2420>", " ").Replace("<\u2402>", "^").Replace("<\u2403>", "$")
            : term.Replace('|', ' ');
        return (kind, term);
    }

    private static IDataView Input(MLContext context, MlNetSchema schema, string text)
    {
        var definition = SchemaDefinition.Create(typeof(MlNetScoringInput));
        definition["Text"].ColumnName = schema.TextColumn;
        if (schema.LabelColumn is { } label) definition["Label"].ColumnName = label;
        else definition.Remove(definition["Label"]);
        return context.Data.LoadFromEnumerable([new MlNetScoringInput { Text = text }], definition);
    }
}
