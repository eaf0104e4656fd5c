using System.Text.Json;
using Classifier.Engine.Data;
using Classifier.Engine.Models;

namespace Classifier.Tests.Trainers;

/// <summary>Small problems shared by the SDCA and L-BFGS maximum-entropy tests.</summary>
public static class TrainerTestData
{
    /// <summary>One case of Fixtures/sklearn/logreg_fixture.json (see make_logreg_fixture.py for the C ↔ L2 mapping).</summary>
    public sealed record SklearnCase(string Name, float L2, bool Weighted, double[][] Probabilities);

    public sealed record SklearnFixture(TrainingSet Unweighted, TrainingSet Weighted, IReadOnlyList<SklearnCase> Cases);

    public static SklearnFixture LoadSklearn()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn", "logreg_fixture.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        int d = root.GetProperty("featureCount").GetInt32();
        int k = root.GetProperty("classCount").GetInt32();
        var rows = new List<SparseVector>();
        var indices = root.GetProperty("indices").EnumerateArray().ToArray();
        var values = root.GetProperty("values").EnumerateArray().ToArray();
        for (int i = 0; i < indices.Length; i++)
            rows.Add(new SparseVector(
                indices[i].EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                values[i].EnumerateArray().Select(e => (float)e.GetDouble()).ToArray()));
        var labels = root.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var weights = root.GetProperty("weights").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
        var x = SparseMatrix.FromRows(d, rows);
        var cases = root.GetProperty("cases").EnumerateArray().Select(c => new SklearnCase(
            c.GetProperty("name").GetString()!,
            (float)c.GetProperty("l2").GetDouble(),
            c.GetProperty("weighted").GetBoolean(),
            c.GetProperty("probabilities").EnumerateArray()
                .Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray())).ToList();
        return new SklearnFixture(new TrainingSet(x, labels, k), new TrainingSet(x, labels, k, weights), cases);
    }

    /// <summary>
    /// Three well-separated classes in a sparse space: each row has 3 cue features of its class among 8 noise
    /// features drawn from a large, mostly empty column range (like hashed text).
    /// </summary>
    public static TrainingSet SeparableThreeClass(int rows, int seed, int columns = 5000)
    {
        var rng = new Random(seed);
        var list = new List<SparseVector>(rows);
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            int y = i % 3;
            labels[i] = y;
            var feats = new SortedDictionary<int, float>();
            for (int c = 0; c < 3; c++) feats[y * 10 + rng.Next(10)] = 1f;
            for (int c = 0; c < 8; c++) feats[100 + rng.Next(columns - 100)] = (float)rng.NextDouble();
            list.Add(new SparseVector([.. feats.Keys], [.. feats.Values]));
        }
        return new TrainingSet(SparseMatrix.FromRows(columns, list), labels, 3);
    }

    public static double[][] Probabilities(IMulticlassModel model, TrainingSet data)
    {
        var result = new double[data.RowCount][];
        var p = new float[data.ClassCount];
        for (int i = 0; i < data.RowCount; i++)
        {
            model.PredictProbabilities(data.Features.Row(i), p);
            result[i] = p.Select(v => (double)v).ToArray();
        }
        return result;
    }

    public static double Accuracy(IMulticlassModel model, TrainingSet data)
    {
        var probs = Probabilities(model, data);
        int correct = 0;
        for (int i = 0; i < probs.Length; i++)
        {
            int best = 0;
            for (int c = 1; c < probs[i].Length; c++) if (probs[i][c] > probs[i][best]) best = c;
            if (best == data.Labels[i]) correct++;
        }
        return (double)correct / probs.Length;
    }

    public static double MaxDifference(double[][] a, double[][] b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
            for (int c = 0; c < a[i].Length; c++) max = Math.Max(max, Math.Abs(a[i][c] - b[i][c]));
        return max;
    }

    public static float[] AllWeights(LinearModel model)
    {
        var w = new float[model.FeatureCount * model.ClassCount + model.ClassCount];
        for (int j = 0; j < model.FeatureCount; j++)
            for (int c = 0; c < model.ClassCount; c++) w[j * model.ClassCount + c] = model.Weight(c, j);
        for (int c = 0; c < model.ClassCount; c++) w[^(model.ClassCount - c)] = model.Intercept(c);
        return w;
    }

    /// <summary>The same data with row <paramref name="row"/> appended once more (weight 2 done by duplication).</summary>
    public static TrainingSet DuplicateRow(TrainingSet data, int row)
    {
        var order = Enumerable.Range(0, data.RowCount).Append(row).ToArray();
        return data.SelectRows(order);
    }

    public static TrainingSet WithWeight(TrainingSet data, int row, float weight)
    {
        var w = Enumerable.Repeat(1f, data.RowCount).ToArray();
        w[row] = weight;
        return data with { Weights = w };
    }
}
