using Classifier.Engine.Evaluation;
using Classifier.Text.Datasets;
using Classifier.Text.Diagnostics;

namespace Classifier.Engine.Pipeline;

/// <summary>
/// Cross-validates the whole pipeline (the featurizer is refitted inside every fold, so IDF never sees test text):
/// grouped and stratified k-fold, or leave-one-group-out. Train-only rows (a synthetic supplement) train in every
/// fold and are never tested, so every figure is measured on real rows.
/// </summary>
public static class PipelineCrossValidator
{
    /// <summary>Fold per row; train-only rows get -1. <paramref name="folds"/> = 0 means leave-one-group-out.</summary>
    public static int[] AssignFolds(LabelledDataset data, int folds, int seed)
    {
        var testable = new List<int>();
        for (int i = 0; i < data.Count; i++) if (!data.TrainOnly[i]) testable.Add(i);
        var groups = new string[testable.Count];
        var strata = new int[testable.Count];
        var strataIds = new Dictionary<string, int>();
        for (int i = 0; i < testable.Count; i++)
        {
            int r = testable[i];
            groups[i] = data.Groups[r];
            // Stratify on the first head's label (missing counts as its own stratum).
            var key = data.Labels[r].Length > 0 ? data.Labels[r][0] ?? "" : "";
            if (!strataIds.TryGetValue(key, out int id)) strataIds[key] = id = strataIds.Count;
            strata[i] = id;
        }
        var assigned = folds == 0 ? FoldAssigner.LeaveOneGroupOut(groups) : FoldAssigner.StratifiedGroupKFold(strata, groups, folds, seed);
        var result = new int[data.Count];
        Array.Fill(result, -1);
        for (int i = 0; i < testable.Count; i++) result[testable[i]] = assigned[i];
        return result;
    }

    /// <summary>
    /// The rows that train and test fold <paramref name="fold"/>. A train-only row from a tested group or with a tested
    /// row's id (say a weak label of a tested paragraph) would show the model the test text, so it sits that fold out.
    /// </summary>
    public static (int[] Train, int[] Test) Split(LabelledDataset data, int[] folds, int fold)
    {
        var test = new List<int>();
        var testGroups = new HashSet<string>(StringComparer.Ordinal);
        var testIds = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < data.Count; i++)
            if (folds[i] == fold) { test.Add(i); testGroups.Add(data.Groups[i]); testIds.Add(data.Ids[i]); }
        var train = new List<int>();
        for (int i = 0; i < data.Count; i++)
        {
            if (folds[i] == fold) continue;
            // The id check catches weak copies of test rows even when the weak file has no group column.
            if (folds[i] < 0 && (testGroups.Contains(data.Groups[i]) || testIds.Contains(data.Ids[i]))) continue;
            train.Add(i);
        }
        return ([.. train], [.. test]);
    }

    public static OutOfFoldPredictions[] Run(LabelledDataset data, int[] folds, PipelineOptions options,
        IProgress<(int Fold, int Folds)>? progress = null, CancellationToken cancellationToken = default)
    {
        var labelSets = PipelineTrainer.LabelSets(data);
        int foldCount = 0;
        foreach (var f in folds) foldCount = Math.Max(foldCount, f + 1);
        int heads = data.HeadNames.Count;
        var probs = new float[heads][];
        for (int h = 0; h < heads; h++) probs[h] = new float[data.Count * labelSets[h].Count];

        for (int fold = 0; fold < foldCount; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (train, test) = Split(data, folds, fold);
            if (test.Length == 0) continue;
            RequireLabels(data, train, fold, foldCount);
            var model = PipelineTrainer.Fit(data, train, labelSets, options, null, cancellationToken);
            // Test rows are scored article by article: a model with article context sees the whole test article.
            var scored = model.PredictGrouped([.. test.Select(r => data.Texts[r])], [.. test.Select(r => data.Groups[r])], cancellationToken);
            for (int t = 0; t < test.Length; t++)
                for (int h = 0; h < heads; h++)
                    scored[t][h].Probabilities.CopyTo(probs[h], test[t] * labelSets[h].Count);
            progress?.Report((fold + 1, foldCount));
        }

        var result = new OutOfFoldPredictions[heads];
        for (int h = 0; h < heads; h++)
        {
            int k = labelSets[h].Count;
            var rows = new List<int>();
            var truth = new List<int>();
            for (int i = 0; i < data.Count; i++)
            {
                if (folds[i] < 0 || data.Labels[i][h] is not { } label) continue;
                int cls = labelSets[h].IndexOfLabel(label);
                if (cls < 0) continue;
                rows.Add(i);
                truth.Add(cls);
            }
            var p = new float[rows.Count * k];
            for (int j = 0; j < rows.Count; j++) Array.Copy(probs[h], rows[j] * k, p, j * k, k);
            result[h] = new OutOfFoldPredictions(data.HeadNames[h], labelSets[h], [.. rows], [.. truth], p);
        }
        return result;
    }

    /// <summary>A head with no labelled training row in a fold would be a model trained on nothing, scored as if real.</summary>
    private static void RequireLabels(LabelledDataset data, int[] train, int fold, int foldCount)
    {
        for (int h = 0; h < data.HeadNames.Count; h++)
        {
            bool any = false;
            foreach (int r in train) if (data.Labels[r][h] is not null) { any = true; break; }
            if (!any)
                throw new InputException($"cross-validation fold {fold + 1} of {foldCount} has no training row with a '{data.HeadNames[h]}' label",
                    hint: "every fold trains on the other folds' rows; add labelled rows from more groups (articles), or use fewer folds or --cv none");
        }
    }
}
