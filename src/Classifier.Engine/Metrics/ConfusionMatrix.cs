namespace Classifier.Engine.Metrics;

/// <summary>Counts of (actual, predicted) class pairs; rows are actual classes, columns predicted ones.</summary>
public sealed class ConfusionMatrix
{
    private readonly double[] _counts;

    public ConfusionMatrix(int classCount)
    {
        ClassCount = classCount;
        _counts = new double[classCount * classCount];
    }

    public int ClassCount { get; }

    public double Count(int actual, int predicted) => _counts[actual * ClassCount + predicted];

    public void Add(int actual, int predicted, double weight = 1) => _counts[actual * ClassCount + predicted] += weight;

    public double RowTotal(int actual)
    {
        double sum = 0;
        for (int p = 0; p < ClassCount; p++) sum += Count(actual, p);
        return sum;
    }

    public double ColumnTotal(int predicted)
    {
        double sum = 0;
        for (int a = 0; a < ClassCount; a++) sum += Count(a, predicted);
        return sum;
    }

    public double Total
    {
        get
        {
            double sum = 0;
            foreach (var c in _counts) sum += c;
            return sum;
        }
    }

    public double Diagonal
    {
        get
        {
            double sum = 0;
            for (int c = 0; c < ClassCount; c++) sum += Count(c, c);
            return sum;
        }
    }
}
