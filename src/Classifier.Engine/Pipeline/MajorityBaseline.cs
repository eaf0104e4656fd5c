using Classifier.Text.Datasets;

namespace Classifier.Engine.Pipeline;

/// <summary>
/// The floor every model must beat: in each fold, predict the most frequent label (by weight) of that fold's
/// training rows with probability 1. Evaluated on exactly the rows the models are tested on.
/// </summary>
public static class MajorityBaseline
{
    public static OutOfFoldPredictions[] Run(LabelledDataset data, int[] folds)
    {
        var labelSets = PipelineTrainer.LabelSets(data);
        int foldCount = 0;
        foreach (var f in folds) foldCount = Math.Max(foldCount, f + 1);
        var result = new OutOfFoldPredictions[labelSets.Length];
        for (int h = 0; h < labelSets.Length; h++)
        {
            var labels = labelSets[h];
            int k = labels.Count;
            var majority = new int[foldCount];
            for (int fold = 0; fold < foldCount; fold++)
            {
                var weight = new double[k];
                foreach (int i in PipelineCrossValidator.Split(data, folds, fold).Train)
                    if (data.Labels[i][h] is { } l && labels.IndexOfLabel(l) is var c and >= 0) weight[c] += data.Weights[i];
                majority[fold] = Array.IndexOf(weight, weight.Max());
            }
            var rows = new List<int>();
            var truth = new List<int>();
            var probs = new List<float>();
            for (int i = 0; i < data.Count; i++)
            {
                if (folds[i] < 0 || data.Labels[i][h] is not { } label || labels.IndexOfLabel(label) is not (var cls and >= 0)) continue;
                rows.Add(i);
                truth.Add(cls);
                for (int c = 0; c < k; c++) probs.Add(c == majority[folds[i]] ? 1f : 0f);
            }
            result[h] = new OutOfFoldPredictions(data.HeadNames[h], labels, [.. rows], [.. truth], [.. probs]);
        }
        return result;
    }

}
