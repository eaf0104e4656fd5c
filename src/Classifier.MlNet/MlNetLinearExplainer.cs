using Classifier.Engine.Pipeline;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Classifier.MlNet;

/// <summary>
/// Explains a maximum-entropy ML.NET head (mlnet-sdca, mlnet-lbfgs): the pipeline's transforms before the predictor
/// turn the text into its Features vector, and each slot's contribution to class c is w_c[j] · x_j, named by the
/// slot names FeaturizeText gives ("w.…" words, "c.…" characters in ML.NET's naming; the prefix becomes the kind).
/// </summary>
internal sealed class MlNetLinearExplainer
{
    private readonly MLContext _context;
    private readonly ITransformer[] _featurize;
    private readonly VBuffer<float>[] _weights;
    private readonly string[] _slotNames;
    private readonly MlNetSchema _schema;

    private MlNetLinearExplainer(MLContext context, ITransformer[] featurize, VBuffer<float>[] weights, string[] slotNames, MlNetSchema schema)
    {
        _context = context;
        _featurize = featurize;
        _weights = weights;
        _slotNames = slotNames;
        _schema = schema;
    }

    /// <summary>The explainer of a pipeline whose predictor is a maximum-entropy model, else null (trees, one-versus-all).</summary>
    public static MlNetLinearExplainer? TryCreate(MLContext context, ITransformer transformer, MlNetSchema schema)
    {
        if (transformer is not IEnumerable<ITransformer> chain) return null;
        var before = new List<ITransformer>();
        foreach (var step in chain)
        {
            if (step is ISingleFeaturePredictionTransformer<object> { Model: MaximumEntropyModelParameters model } predictor)
            {
                var weights = default(VBuffer<float>[]);
                model.GetWeights(ref weights, out int classes);
                if (classes != schema.ClassCount) return null;
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

    public IReadOnlyList<TermContribution> Explain(string text, int cls, int top)
    {
        IDataView view;
        lock (_context) // building data views on one MLContext from several threads is not documented as safe
        {
            view = Input(_context, _schema, text);
            foreach (var t in _featurize) view = t.Transform(view);
        }
        var x = view.GetColumn<VBuffer<float>>(FeatureColumn).First();
        var w = _weights[cls].DenseValues().ToArray();
        var list = new List<TermContribution>();
        foreach (var (j, value) in x.Items())
        {
            if (value == 0 || j >= w.Length || w[j] == 0) continue;
            var (kind, term) = Split(j < _slotNames.Length ? _slotNames[j] : $"slot {j}");
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
