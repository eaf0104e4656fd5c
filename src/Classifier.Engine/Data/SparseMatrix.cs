using System.Numerics.Tensors;

namespace Classifier.Engine.Data;

/// <summary>
/// Rows of sparse examples in compressed-sparse-row form: row i holds
/// <c>Indices[RowStarts[i]..RowStarts[i+1]]</c> with the matching <c>Values</c>.
/// One allocation for the whole data set keeps 100k+ rows cheap for the garbage collector.
/// </summary>
/// <remarks>
/// Values are stored as 16-bit floats: a 120k-paragraph training matrix has ~90 M non-zeros, and halving the value
/// array (−170 MB) is what brings training under 800 MB. TF-IDF weights, counts up to 2,048 and embedding components
/// keep 11 significant bits (relative error ≤ 2⁻¹¹), far below what moves a linear model. Trainers widen a row to
/// <c>float</c> once per visit (<see cref="Row(int, Span{float})"/>, vectorised) and compute in float or double as before;
/// prediction never goes through this type (it featurizes to a <see cref="SparseVector"/> of floats).
/// </remarks>
public sealed class SparseMatrix
{
    private int _maxRowLength = -1;

    public SparseMatrix(int columnCount, int[] rowStarts, int[] indices, Half[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        if (rowStarts.Length == 0 || rowStarts[0] != 0)
            throw new ArgumentException("rowStarts must start with 0.", nameof(rowStarts));
        if (indices.Length != values.Length || rowStarts[^1] > indices.Length)
            throw new ArgumentException("indices, values and rowStarts disagree in length.");
        ColumnCount = columnCount;
        RowStarts = rowStarts;
        Indices = indices;
        Values = values;
    }

    public int RowCount => RowStarts.Length - 1;
    public int ColumnCount { get; }
    public int[] RowStarts { get; }
    public int[] Indices { get; }
    public Half[] Values { get; }
    public long NonZeroCount => RowStarts[^1];

    /// <summary>The most non-zeros in any one row: the size of a buffer for <see cref="Row(int, Span{float})"/>.</summary>
    public int MaxRowLength
    {
        get
        {
            if (_maxRowLength < 0)
            {
                int max = 0;
                for (int i = 0; i < RowCount; i++) max = Math.Max(max, RowStarts[i + 1] - RowStarts[i]);
                _maxRowLength = max;
            }
            return _maxRowLength;
        }
    }

    public int RowLength(int row) => RowStarts[row + 1] - RowStarts[row];

    /// <summary>Row <paramref name="row"/> with its values widened into <paramref name="buffer"/> (at least the row's length): the hot-loop form.</summary>
    public SparseRow Row(int row, Span<float> buffer)
    {
        int start = RowStarts[row];
        int length = RowStarts[row + 1] - start;
        var values = buffer[..length];
        TensorPrimitives.ConvertToSingle(Values.AsSpan(start, length), values);
        return new SparseRow(Indices.AsSpan(start, length), values);
    }

    /// <summary>Row <paramref name="row"/> with its values widened into a new array: convenient outside hot loops.</summary>
    public SparseRow Row(int row) => Row(row, new float[RowLength(row)]);

    /// <summary>The rows at the given positions, in that order, as a new matrix.</summary>
    public SparseMatrix SelectRows(ReadOnlySpan<int> rows)
    {
        var starts = new int[rows.Length + 1];
        for (int i = 0; i < rows.Length; i++)
            starts[i + 1] = starts[i] + (RowStarts[rows[i] + 1] - RowStarts[rows[i]]);
        var idx = new int[starts[^1]];
        var val = new Half[starts[^1]];
        for (int i = 0; i < rows.Length; i++)
        {
            int from = RowStarts[rows[i]], length = starts[i + 1] - starts[i];
            Indices.AsSpan(from, length).CopyTo(idx.AsSpan(starts[i]));
            Values.AsSpan(from, length).CopyTo(val.AsSpan(starts[i]));
        }
        return new SparseMatrix(ColumnCount, starts, idx, val);
    }

    public static SparseMatrix FromRows(int columnCount, IReadOnlyList<SparseVector> rows)
    {
        var starts = new int[rows.Count + 1];
        for (int i = 0; i < rows.Count; i++) starts[i + 1] = starts[i] + rows[i].Count;
        var idx = new int[starts[^1]];
        var val = new Half[starts[^1]];
        for (int i = 0; i < rows.Count; i++)
        {
            rows[i].Indices.CopyTo(idx, starts[i]);
            TensorPrimitives.ConvertToHalf(rows[i].Values, val.AsSpan(starts[i], rows[i].Count));
        }
        return new SparseMatrix(columnCount, starts, idx, val);
    }

    /// <summary>
    /// Like <see cref="FromRows"/>, but drops each row from <paramref name="rows"/> once copied, so the garbage
    /// collector can reclaim it during the copy: peak memory is about one matrix, not two.
    /// </summary>
    public static SparseMatrix FromRowsReleasing(int columnCount, SparseVector?[] rows)
    {
        var starts = new int[rows.Length + 1];
        for (int i = 0; i < rows.Length; i++) starts[i + 1] = checked(starts[i] + rows[i]!.Count);
        var idx = new int[starts[^1]];
        var val = new Half[starts[^1]];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i]!.Indices.CopyTo(idx, starts[i]);
            TensorPrimitives.ConvertToHalf(rows[i]!.Values, val.AsSpan(starts[i], rows[i]!.Count));
            rows[i] = null;
        }
        return new SparseMatrix(columnCount, starts, idx, val);
    }

    /// <summary>Builds a matrix from dense rows (zeros dropped); convenient in tests.</summary>
    public static SparseMatrix FromDense(float[][] rows)
    {
        int columns = rows.Length == 0 ? 0 : rows[0].Length;
        var list = new List<SparseVector>(rows.Length);
        foreach (var r in rows)
        {
            var idx = new List<int>();
            var val = new List<float>();
            for (int j = 0; j < r.Length; j++)
                if (r[j] != 0f) { idx.Add(j); val.Add(r[j]); }
            list.Add(new SparseVector([.. idx], [.. val]));
        }
        return FromRows(columns, list);
    }
}
