using Classifier.Engine.Data;
using Classifier.Engine.Featurization;
using Classifier.Engine.Models;
using Classifier.Engine.Trainers;
using Microsoft.ML;

namespace Classifier.MlNet;

/// <summary>
/// Fits a real ML.NET pipeline on the rows' texts: MapValueToKey(Label) → FeaturizeText(Text) → trainer →
/// MapKeyToValue(PredictedLabel). The label's key order is fixed to our class order, so Score slot c is class c; the
/// key mapping is fitted apart, so the saved model needs only a Text column to score. Example weights (class weights,
/// weak labels) pass through as ML.NET example weights. Deterministic for a seed: <c>MLContext(seed)</c> and one thread.
/// </summary>
public sealed class MlNetTrainer(
    string name,
    int seed,
    FeaturizerOptions featurizer,
    IReadOnlyDictionary<string, string> described,
    Func<MLContext, IEstimator<ITransformer>> trainer) : IMulticlassTrainer
{
    internal const string Label = "Label", Text = "Text", Features = "Features", Weight = "Weight";

    public string Name => name;

    public IReadOnlyDictionary<string, string> Describe() => described;

    public IMulticlassModel Fit(TrainingSet data, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var texts = data.Texts ?? throw new ArgumentException($"trainer '{name}' featurizes text itself and needs the rows' texts (TrainingSet.Texts)", nameof(data));
        data.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var context = new MLContext(seed);
        var rows = new MlNetTrainingRow[data.RowCount];
        for (int i = 0; i < rows.Length; i++) rows[i] = new MlNetTrainingRow { Text = texts[i], Label = ClassName(data, data.Labels[i]), Weight = data.WeightOf(i) };
        var classes = new MlNetLabelRow[data.ClassCount];
        for (int c = 0; c < classes.Length; c++) classes[c] = new MlNetLabelRow { Label = ClassName(data, c) };

        var view = context.Data.LoadFromEnumerable(rows);
        var keyed = context.Transforms.Conversion.MapValueToKey(Label, keyData: context.Data.LoadFromEnumerable(classes)).Fit(view).Transform(view);
        var pipeline = context.Transforms.Text.FeaturizeText(Features, MlNetTextFeaturization.From(featurizer), Text)
            .Append(trainer(context))
            .Append(context.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        // ML.NET has no cancellation token; a cancelled fit finishes, and is then thrown away.
        var fitted = MlNetErrors.Guard(name, () => pipeline.Fit(keyed));
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(1);
        return MlNetModel.FromFitted(context, fitted);
    }

    /// <summary>The label value ML.NET sees for class c (its PredictedLabel); the key data's order is what fixes the slot.</summary>
    private static string ClassName(TrainingSet data, int c) => data.ClassNames?[c] ?? c.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
