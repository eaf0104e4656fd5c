namespace Classifier.Engine.Data;

/// <summary>
/// Rows of sparse examples in compressed-sparse-row form: row i holds
/// <c>Indices[RowStarts[i]..RowStarts[i+1]]</c> with the matching <c>Values</c>.
/// One allocation for the whole data set keeps 100k+ rows cheap for the garbage collector.
/// </summary>
public sealed class SparseMatrix
{
    public SparseMatrix(int columnCount, int[] rowStarts, int[] indices, float[] values)
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
    public float[] Values { get; }
    public long NonZeroCount => RowStarts[^1];

    public SparseRow Row(int row)
    {
        int start = RowStarts[row];
        int length = RowStarts[row + 1] - start;
        return new SparseRow(Indices.AsSpan(start, length), Values.AsSpan(start, length));
    }

    /// <summary>The rows at the given positions, in that order, as a new matrix.</summary>
    public SparseMatrix SelectRows(ReadOnlySpan<int> rows)
    {
        var starts = new int[rows.Length + 1];
        for (int i = 0; i < rows.Length; i++)
            starts[i + 1] = starts[i] + (RowStarts[rows[i] + 1] - RowStarts[rows[i]]);
        var idx = new int[starts[^1]];
        var val = new float[starts[^1]];
        for (int i = 0; i < rows.Length; i++)
        {
            var row = Row(rows[i]);
            row.Indices.CopyTo(idx.AsSpan(starts[i]));
            row.Values.CopyTo(val.AsSpan(starts[i]));
        }
        return new SparseMatrix(ColumnCount, starts, idx, val);
    }

    public static SparseMatrix FromRows(int columnCount, IReadOnlyList<SparseVector> rows)
    {
        var starts = new int[rows.Count + 1];
        for (int i = 0; i < rows.Count; i++) starts[i + 1] = starts[i] + rows[i].Count;
        var idx = new int[starts[^1]];
        var val = new float[starts[^1]];
        for (int i = 0; i < rows.Count; i++)
        {
            rows[i].Indices.CopyTo(idx, starts[i]);
            rows[i].Values.CopyTo(val, starts[i]);
        }
        return new SparseMatrix(columnCount, starts, idx, val);
    }

    /// <summary>
    /// Like <see cref="FromRows"/>, but drops each row from <paramref name="rows"/> once copied, so the garbage
    /// collector can reclaim it during the copy: peak memory is about one matrix, not two (120k paragraphs ≈ 1 GB each).
    /// </summary>
    public static SparseMatrix FromRowsReleasing(int columnCount, SparseVector?[] rows)
    {
        var starts = new int[rows.Length + 1];
        for (int i = 0; i < rows.Length; i++) starts[i + 1] = checked(starts[i] + rows[i]!.Count);
        var idx = new int[starts[^1]];
        var val = new float[starts[^1]];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i]!.Indices.CopyTo(idx, starts[i]);
            rows[i]!.Values.CopyTo(val, starts[i]);
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
