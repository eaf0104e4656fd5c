using Classifier.Engine.Data;

namespace Classifier.Engine.Trainers;

/// <summary>
/// The training rows re-expressed for histogram boosting: the columns kept for splitting, their bins, and per row
/// the sorted global bin codes of its non-zero values (code = <c>BinStart[f] + bin</c>). Zero bins are never stored:
/// a node's zero-bin totals are its totals minus the other bins of the feature, which keeps sparse text cheap.
/// </summary>
internal sealed class BinnedFeatures
{
    private BinnedFeatures(int rowCount, int[] columns, int[] binStart, int[] zeroBin, float[] upper, int[] rowStarts, int[] codes)
    {
        RowCount = rowCount;
        Columns = columns;
        BinStart = binStart;
        ZeroBin = zeroBin;
        Upper = upper;
        RowStarts = rowStarts;
        Codes = codes;
        Transpose();
    }

    public int RowCount { get; }

    /// <summary>Original column of each kept feature, ascending.</summary>
    public int[] Columns { get; }

    /// <summary>Feature f owns global bins <c>[BinStart[f], BinStart[f+1])</c>.</summary>
    public int[] BinStart { get; }

    /// <summary>Global bin holding the value 0 for each feature.</summary>
    public int[] ZeroBin { get; }

    /// <summary>Upper bound of every global bin: the float threshold of a split after that bin.</summary>
    public float[] Upper { get; }

    public int[] RowStarts { get; }
    public int[] Codes { get; }

    /// <summary>The feature each global bin belongs to.</summary>
    public int[] FeatureOfCode { get; private set; } = [];

    public int[] ColumnStarts { get; private set; } = [];
    public int[] ColumnRows { get; private set; } = [];
    public int[] ColumnCodes { get; private set; } = [];

    public int FeatureCount => Columns.Length;
    public int TotalBins => BinStart[^1];

    /// <summary>The global bin of <paramref name="row"/> for <paramref name="feature"/> (binary search in the row's codes).</summary>
    public int BinOf(int row, int feature)
    {
        int start = BinStart[feature];
        int lo = RowStarts[row], hi = RowStarts[row + 1];
        var codes = Codes;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (codes[mid] < start) lo = mid + 1; else hi = mid;
        }
        return lo < RowStarts[row + 1] && codes[lo] < BinStart[feature + 1] ? codes[lo] : ZeroBin[feature];
    }

    public static BinnedFeatures Build(TrainingSet data, int minLeafCount, int maxFeatures, int maxBins)
    {
        var m = data.Features;
        int n = m.RowCount;
        var columns = SelectColumns(data, minLeafCount, maxFeatures);
        int f = columns.Length;

        // Transpose the kept columns once (CSC of values only) to bin each column from its sorted values.
        var colStart = new int[f + 1];
        var lookup = LocalIndex(m.ColumnCount, columns);
        var idx = m.Indices;
        var val = m.Values;
        long nnz = m.NonZeroCount;
        for (long p = 0; p < nnz; p++)
        {
            int j = idx[p];
            if ((uint)j < (uint)lookup.Length && lookup[j] >= 0 && val[p] != Half.Zero) colStart[lookup[j] + 1]++;
        }
        for (int i = 0; i < f; i++) colStart[i + 1] += colStart[i];
        var colValues = new float[colStart[f]];
        var fill = colStart[..f];
        for (long p = 0; p < nnz; p++)
        {
            int j = idx[p];
            if ((uint)j < (uint)lookup.Length && lookup[j] >= 0 && val[p] != Half.Zero) colValues[fill[lookup[j]]++] = (float)val[p];
        }

        var binStart = new int[f + 1];
        var zeroBin = new int[f];
        var bounds = new float[f][];
        for (int i = 0; i < f; i++)
        {
            var span = colValues.AsSpan(colStart[i], colStart[i + 1] - colStart[i]);
            span.Sort();
            bounds[i] = FeatureBinning.UpperBounds(span, maxBins);
            binStart[i + 1] = binStart[i] + bounds[i].Length;
            zeroBin[i] = binStart[i] + FeatureBinning.BinOf(bounds[i], 0f);
        }
        var upper = new float[binStart[f]];
        for (int i = 0; i < f; i++) bounds[i].CopyTo(upper, binStart[i]);

        // Row-major codes; values that land in the zero bin are left implicit like true zeros.
        var rowStarts = new int[n + 1];
        var codes = new List<int>();
        var buffer = new float[m.MaxRowLength];
        for (int r = 0; r < n; r++)
        {
            var row = m.Row(r, buffer);
            for (int q = 0; q < row.Count; q++)
            {
                int j = row.Indices[q];
                if ((uint)j >= (uint)lookup.Length || lookup[j] < 0) continue;
                int feature = lookup[j];
                int code = binStart[feature] + FeatureBinning.BinOf(bounds[feature], row.Values[q]);
                if (code != zeroBin[feature]) codes.Add(code);
            }
            rowStarts[r + 1] = codes.Count;
        }
        return new BinnedFeatures(n, columns, binStart, zeroBin, upper, rowStarts, codes.ToArray());
    }

    /// <summary>Column-major copy of the codes (rows ascending per feature), for building histograms of large leaves.</summary>
    private void Transpose()
    {
        int f = FeatureCount;
        FeatureOfCode = new int[TotalBins];
        for (int i = 0; i < f; i++)
            for (int b = BinStart[i]; b < BinStart[i + 1]; b++) FeatureOfCode[b] = i;
        ColumnStarts = new int[f + 1];
        foreach (int code in Codes) ColumnStarts[FeatureOfCode[code] + 1]++;
        for (int i = 0; i < f; i++) ColumnStarts[i + 1] += ColumnStarts[i];
        ColumnRows = new int[Codes.Length];
        ColumnCodes = new int[Codes.Length];
        var fill = ColumnStarts[..f];
        for (int r = 0; r < RowCount; r++)
            for (int p = RowStarts[r]; p < RowStarts[r + 1]; p++)
            {
                int at = fill[FeatureOfCode[Codes[p]]]++;
                ColumnRows[at] = r;
                ColumnCodes[at] = Codes[p];
            }
    }

    private static int[] LocalIndex(int columnCount, int[] columns)
    {
        var lookup = new int[columnCount];
        Array.Fill(lookup, -1);
        for (int i = 0; i < columns.Length; i++) lookup[columns[i]] = i;
        return lookup;
    }

    /// <summary>
    /// Columns that can split (at least <paramref name="minLeafCount"/> non-zeros: one side of any split holds only
    /// non-zeros), ranked by their best one-class-versus-rest χ² on presence (example-weighted) when more than
    /// <paramref name="maxFeatures"/> qualify. Returned ascending so row codes stay sorted.
    /// </summary>
    private static int[] SelectColumns(TrainingSet data, int minLeafCount, int maxFeatures)
    {
        var m = data.Features;
        int k = data.ClassCount;
        var df = new int[m.ColumnCount];
        long nnz = m.NonZeroCount;
        for (long p = 0; p < nnz; p++)
        {
            if (Half.IsNaN(m.Values[p]))
                throw new ArgumentException($"feature value at position {p} of the matrix is NaN; trees need ordered values.");
            if (m.Values[p] != Half.Zero && (uint)m.Indices[p] < (uint)df.Length) df[m.Indices[p]]++;
        }
        var candidates = new List<int>();
        for (int j = 0; j < df.Length; j++)
            if (df[j] >= minLeafCount) candidates.Add(j);
        if (maxFeatures == 0 || candidates.Count <= maxFeatures) return [.. candidates];

        var local = LocalIndex(m.ColumnCount, [.. candidates]);
        var present = new double[candidates.Count * k];
        var classMass = new double[k];
        var buffer = new float[m.MaxRowLength];
        for (int r = 0; r < m.RowCount; r++)
        {
            int y = data.Labels[r];
            double w = data.WeightOf(r);
            classMass[y] += w;
            var row = m.Row(r, buffer);
            for (int q = 0; q < row.Count; q++)
            {
                int j = row.Indices[q];
                if ((uint)j < (uint)local.Length && local[j] >= 0 && row.Values[q] != 0f) present[local[j] * k + y] += w;
            }
        }
        double total = 0;
        foreach (var c in classMass) total += c;

        var scores = new double[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            double withFeature = 0;
            for (int c = 0; c < k; c++) withFeature += present[i * k + c];
            double best = 0;
            for (int c = 0; c < k; c++)
            {
                double a = present[i * k + c], b = withFeature - a, cc = classMass[c] - a, d = total - classMass[c] - b;
                double denominator = (a + b) * (cc + d) * (a + cc) * (b + d);
                if (denominator <= 0) continue;
                double diff = a * d - b * cc;
                best = Math.Max(best, total * diff * diff / denominator);
            }
            scores[i] = best;
        }
        var order = new int[candidates.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        // Ties broken by column index so the choice never depends on sort stability.
        Array.Sort(order, (x, y) => scores[y] != scores[x] ? scores[y].CompareTo(scores[x]) : x.CompareTo(y));
        var chosen = new int[maxFeatures];
        for (int i = 0; i < maxFeatures; i++) chosen[i] = candidates[order[i]];
        Array.Sort(chosen);
        return chosen;
    }
}
