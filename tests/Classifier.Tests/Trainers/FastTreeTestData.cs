using Classifier.Engine.Data;

namespace Classifier.Tests.Trainers;

/// <summary>Synthetic sparse problems for the FastTree tests.</summary>
internal static class FastTreeTestData
{
    /// <summary>
    /// K classes in a 2^19-column space: each row holds 4 of its class's 20 topical columns plus 15 noise columns
    /// drawn from 500, all with positive random values (so most columns are empty).
    /// </summary>
    public static TrainingSet Topical(int rows, int classes, int seed)
    {
        var random = new Random(seed);
        var vectors = new List<SparseVector>(rows);
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            int y = i % classes;
            labels[i] = y;
            var columns = new SortedDictionary<int, float>();
            for (int j = 0; j < 4; j++) columns[100_000 + y * 20 + random.Next(20)] = 0.2f + (float)random.NextDouble();
            for (int j = 0; j < 15; j++) columns[300_000 + random.Next(500)] = 0.2f + (float)random.NextDouble();
            vectors.Add(new SparseVector([.. columns.Keys], [.. columns.Values]));
        }
        return new TrainingSet(SparseMatrix.FromRows(1 << 19, vectors), labels, classes);
    }

    /// <summary>Two binary columns (absent = 0) and label = a XOR b, plus a noise column.</summary>
    public static TrainingSet Xor(int rows, int seed)
    {
        var random = new Random(seed);
        var dense = new float[rows][];
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            int a = random.Next(2), b = random.Next(2);
            dense[i] = [a, b, (float)random.NextDouble()];
            labels[i] = a ^ b;
        }
        return new TrainingSet(SparseMatrix.FromDense(dense), labels, 2);
    }

    public static SparseVector Row(params (int Index, float Value)[] entries) =>
        new([.. entries.Select(e => e.Index)], [.. entries.Select(e => e.Value)]);
}
