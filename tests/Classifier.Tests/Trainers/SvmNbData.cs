using Classifier.Engine.Data;

namespace Classifier.Tests.Trainers;

/// <summary>Synthetic sparse problems for the SVM and naive Bayes tests.</summary>
internal static class SvmNbData
{
    public const int Features = 300;

    /// <summary>
    /// A separable 3-class bag-of-words problem: 150 shared "filler" features, and 50 features owned by each class;
    /// every row has 10 filler words and 4 of its class's own words (term counts).
    /// </summary>
    public static TrainingSet ThreeClass(int rows, int seed)
    {
        var rng = new Random(seed);
        var vectors = new List<SparseVector>(rows);
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            int c = i % 3;
            labels[i] = c;
            var counts = new SortedDictionary<int, float>();
            for (int t = 0; t < 10; t++) Add(counts, rng.Next(150));
            for (int t = 0; t < 4; t++) Add(counts, 150 + 50 * c + rng.Next(50));
            vectors.Add(new SparseVector([.. counts.Keys], [.. counts.Values]));
        }
        return new TrainingSet(SparseMatrix.FromRows(Features, vectors), labels, 3);
    }

    /// <summary>A noisy binary problem: random dense-ish Gaussian rows, labels from a random hyperplane with 15% flipped.</summary>
    public static (SparseMatrix X, sbyte[] Y) NoisyBinary(int rows, int columns, int seed)
    {
        var rng = new Random(seed);
        var truth = new double[columns];
        for (int j = 0; j < columns; j++) truth[j] = Gaussian(rng);
        var dense = new float[rows][];
        var y = new sbyte[rows];
        for (int i = 0; i < rows; i++)
        {
            dense[i] = new float[columns];
            double dot = 0.3;
            for (int j = 0; j < columns; j++)
            {
                if (rng.NextDouble() < 0.5) continue;
                dense[i][j] = (float)Gaussian(rng);
                dot += truth[j] * dense[i][j];
            }
            bool positive = dot > 0;
            if (rng.NextDouble() < 0.15) positive = !positive;
            y[i] = positive ? (sbyte)1 : (sbyte)-1;
        }
        return (SparseMatrix.FromDense(dense), y);
    }

    public static int[] Range(int count)
    {
        var r = new int[count];
        for (int i = 0; i < count; i++) r[i] = i;
        return r;
    }

    public static double Accuracy(Classifier.Engine.Models.IMulticlassModel model, TrainingSet test)
    {
        var p = new float[model.ClassCount];
        int correct = 0;
        for (int i = 0; i < test.RowCount; i++)
        {
            model.PredictProbabilities(test.Features.Row(i), p);
            int best = 0;
            for (int c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
            if (best == test.Labels[i]) correct++;
        }
        return (double)correct / test.RowCount;
    }

    /// <summary>Every row of <paramref name="data"/> gets 3 probabilities strictly between 0 and 1 that sum to 1.</summary>
    public static void AssertProperProbabilities(Classifier.Engine.Models.IMulticlassModel model, TrainingSet data)
    {
        var p = new float[3];
        for (int i = 0; i < data.RowCount; i++)
        {
            model.PredictProbabilities(data.Features.Row(i), p);
            Assert.Equal(1.0, p[0] + p[1] + p[2], 5);
            foreach (var v in p) Assert.True(v > 0f && v < 1f, $"probability {v}");
        }
    }

    public static byte[] Serialize(Classifier.Engine.Models.IMulticlassModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) model.WriteTo(writer);
        return stream.ToArray();
    }

    private static void Add(SortedDictionary<int, float> counts, int feature) =>
        counts[feature] = counts.TryGetValue(feature, out var v) ? v + 1f : 1f;

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());
}
