using Classifier.Engine.Pipeline;

namespace Classifier.Scoring.Output;

/// <summary>The k most probable labels of a head, best first (ties: the earlier label).</summary>
public static class TopLabels
{
    public static IReadOnlyList<(string Label, float Probability)> Of(ClassifierHead head, HeadPrediction prediction, int k)
    {
        var order = new List<int>(head.Labels.Count);
        for (int c = 0; c < head.Labels.Count; c++) order.Add(c);
        order.Sort((a, b) => prediction.Probabilities[b] != prediction.Probabilities[a] ? prediction.Probabilities[b].CompareTo(prediction.Probabilities[a]) : a.CompareTo(b));
        var result = new List<(string, float)>(Math.Min(k, order.Count));
        for (int i = 0; i < order.Count && i < k; i++) result.Add((head.Labels[order[i]], prediction.Probabilities[order[i]]));
        return result;
    }
}
