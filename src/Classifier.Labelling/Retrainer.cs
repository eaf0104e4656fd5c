using System.Globalization;
using Classifier.Engine.Metrics;
using Classifier.Engine.Pipeline;
using Classifier.Text.Datasets;
using Classifier.Text.Diagnostics;
using Classifier.Text.Labelling;

namespace Classifier.Labelling;

/// <summary>
/// Retrains the session's model on the model's own training data plus the answers so far, with the model's recipe
/// (featurizer settings, each head's trainer and settings), through the same <see cref="PipelineTrainer"/> as
/// <c>trainer train</c>. The manifest records only a checksum of the training data, so the data itself is given
/// (<c>--train-data</c>, <c>--train-only</c>) and checked against that checksum. A retrained model replaces the
/// current one only if, on the same grouped folds, the recipe trained with the new answers cross-validates at least
/// as well for every head as trained without them.
/// </summary>
public sealed class Retrainer
{
    private const int MaxFolds = 5;
    private readonly LabelledDataset _base;
    private readonly HashSet<string> _baseIds;
    private readonly PipelineOptions _recipe;
    private HashSet<string> _current = new(StringComparer.Ordinal);

    private Retrainer(LabelledDataset data, PipelineOptions recipe)
    {
        _base = data;
        _baseIds = new HashSet<string>(data.Ids, StringComparer.Ordinal);
        _recipe = recipe;
    }

    /// <summary>The retrainer, or null with the reason retraining is off.</summary>
    public static Retrainer? Prepare(TextClassifier model, string modelPath, LabellingSchema schema, string[] data, string[] trainOnly, out string? refusal)
    {
        refusal = null;
        var heads = model.Heads.Select(h => h.Name).ToArray();
        // The answers train every head of the model, so each must be a head of the labels file.
        var unlabelled = heads.Where(h => !schema.HeadNames.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unlabelled.Count > 0)
        {
            refusal = $"retraining is off: the model's head(s) {string.Join(", ", unlabelled)} are not in the labelling schema ({string.Join(", ", schema.HeadNames)}), " +
                "so the answers cannot train them; label with a schema that has every head of the model, or --retrain-every 0";
            return null;
        }
        if (data.Length == 0)
        {
            refusal = $"retraining is off: {modelPath} records only a checksum of its training data, and retraining needs that data plus the new answers; " +
                "give the files it was trained on with --train-data (and --train-only), or --retrain-every 0";
            return null;
        }
        var loaded = DatasetLoader.Load(data, trainOnly, [], 1f, ["text"], heads, null, _ => { });
        var sha = PipelineTrainer.Fingerprint(loaded, PipelineTrainer.AllRows(loaded.Count));
        if (!string.Equals(sha, model.Info.TrainingDataSha256, StringComparison.OrdinalIgnoreCase))
        {
            refusal = $"retraining is off: {string.Join(" + ", data.Concat(trainOnly))} is not the data {modelPath} was trained on " +
                $"({loaded.Count} rows; the model's manifest records {model.Info.TrainingRows} rows and another checksum); " +
                "give the same --train-data and --train-only files as to 'trainer train'";
            return null;
        }
        return new Retrainer(loaded, Recipe(model));
    }

    /// <summary>How the model was made, as far as its manifest says (settings a trainer reports but does not take are dropped).</summary>
    private static PipelineOptions Recipe(TextClassifier model)
    {
        var heads = new Dictionary<string, TrainerCandidate>(StringComparer.Ordinal);
        var pooling = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var h in model.Heads)
        {
            if (h.SentencePooling is { } background) pooling[h.Name] = background;
            var accepted = TrainerFactory.Settings.TryGetValue(h.Trainer, out var known) ? known : [];
            var settings = h.Hyperparameters.Where(kv => accepted.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            heads[h.Name] = new TrainerCandidate(h.Trainer, settings);
        }
        return new PipelineOptions { Featurizer = model.Featurizer.Options, HeadTrainers = heads, SentencePooling = pooling };
    }

    /// <summary>A model to swap in (or null) and what to tell the annotator.</summary>
    public (TextClassifier? Model, string Message) Run(string labelsPath)
    {
        var answers = NewAnswers(labelsPath);
        if (answers.Count == 0) return (null, "");
        var all = _base.Concat(answers);
        int groups = all.Groups.Where((_, i) => !all.TrainOnly[i]).Distinct().Count();
        var sizes = string.Create(CultureInfo.InvariantCulture, $"{_base.Count} training rows + {answers.Count} answers");
        if (groups < 2) return (null, $"kept the current model: {sizes} have fewer than two articles to cross-validate on");
        var folds = PipelineCrossValidator.AssignFolds(all, Math.Min(MaxFolds, groups), _recipe.Seed);
        var inCurrent = new bool[all.Count];
        for (int i = 0; i < all.Count; i++) inCurrent[i] = i < _base.Count || _current.Contains(all.Ids[i]);
        var (with, without) = CrossValidate(all, folds, inCurrent);
        var scores = string.Join(", ", all.HeadNames.Select((h, i) => string.Create(CultureInfo.InvariantCulture, $"{h} {without[i]:0.000} -> {with[i]:0.000}")));
        if (with.Where((f, i) => f < without[i]).Any())
            return (null, $"kept the current model: with the new answers ({sizes}) the cross-validated macro-F1 is worse ({scores})");
        var model = PipelineTrainer.Fit(all, _recipe);
        _current = new HashSet<string>(answers.Ids, StringComparer.Ordinal);
        return (model, $"retrained on {sizes} (cross-validated macro-F1 {scores}); order updated");
    }

    /// <summary>
    /// Answers of the labels file (each id's last row; withdrawn ones, with no label, left out) whose ids the
    /// training data lacks: they are added to it, never put in its place.
    /// </summary>
    private LabelledDataset NewAnswers(string labelsPath)
    {
        var file = LabelledCsvReader.Read(labelsPath, new LabelledCsvOptions(["text"], [.. _base.HeadNames]));
        var keep = new List<int>();
        for (int i = 0; i < file.Count; i++)
            if (!_baseIds.Contains(file.Ids[i]) && file.Labels[i].Any(l => l is not null)) keep.Add(i);
        return new LabelledDataset([.. keep.Select(i => file.Ids[i])], [.. keep.Select(i => file.Texts[i])], file.HeadNames,
            [.. keep.Select(i => file.Labels[i])], [.. keep.Select(i => file.Groups[i])], [.. keep.Select(i => file.Weights[i])],
            [.. keep.Select(i => file.TrainOnly[i])], 0);
    }

    /// <summary>Macro-F1 per head on the same folds, trained with every row and with only the current model's rows.</summary>
    private (double[] With, double[] Without) CrossValidate(LabelledDataset data, int[] folds, bool[] inCurrent)
    {
        var labelSets = PipelineTrainer.LabelSets(data);
        int heads = data.HeadNames.Count;
        var probs = new[] { new float[heads][], new float[heads][] };
        foreach (var p in probs) for (int h = 0; h < heads; h++) p[h] = new float[data.Count * labelSets[h].Count];
        int foldCount = folds.Max() + 1;
        for (int fold = 0; fold < foldCount; fold++)
        {
            var (train, test) = PipelineCrossValidator.Split(data, folds, fold);
            if (test.Length == 0) continue;
            var models = new[] { PipelineTrainer.Fit(data, train, labelSets, _recipe), PipelineTrainer.Fit(data, [.. train.Where(r => inCurrent[r])], labelSets, _recipe) };
            // Scored article by article, as PipelineCrossValidator does, so a recipe with article context is judged fairly.
            var texts = test.Select(r => data.Texts[r]).ToArray();
            var groups = test.Select(r => data.Groups[r]).ToArray();
            for (int m = 0; m < 2; m++)
            {
                var scored = models[m].PredictGrouped(texts, groups);
                for (int t = 0; t < test.Length; t++)
                    for (int h = 0; h < heads; h++) scored[t][h].Probabilities.CopyTo(probs[m][h], test[t] * labelSets[h].Count);
            }
        }
        return (MacroF1(data, folds, labelSets, probs[0]), MacroF1(data, folds, labelSets, probs[1]));
    }

    private static double[] MacroF1(LabelledDataset data, int[] folds, IReadOnlyList<string>[] labelSets, float[][] probs)
    {
        var result = new double[labelSets.Length];
        for (int h = 0; h < labelSets.Length; h++)
        {
            int k = labelSets[h].Count;
            var truth = new List<int>();
            var p = new List<float>();
            for (int i = 0; i < data.Count; i++)
            {
                if (folds[i] < 0 || data.Labels[i][h] is not { } label) continue;
                int cls = labelSets[h].IndexOfLabel(label);
                if (cls < 0) continue;
                truth.Add(cls);
                p.AddRange(probs[h].AsSpan(i * k, k).ToArray());
            }
            result[h] = truth.Count == 0 ? 0 : MulticlassMetrics.Compute(labelSets[h], [.. truth], [.. p]).MacroF1;
        }
        return result;
    }
}
