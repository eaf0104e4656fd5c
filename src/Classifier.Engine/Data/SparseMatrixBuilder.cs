using System.Numerics.Tensors;

namespace Classifier.Engine.Data;

/// <summary>
/// Builds a <see cref="SparseMatrix"/> row by row straight into its final index and value arrays, so no per-row arrays
/// are kept: with a good <see cref="EnsureCapacity"/> estimate the matrix costs its own size and nothing more. The
/// arrays may end longer than the non-zeros (the matrix reads only up to its last row start), which is cheaper than a
/// trimming copy that would hold two matrices at once.
/// </summary>
public sealed class SparseMatrixBuilder
{
    private readonly int[] _rowStarts;
    private int[] _indices;
    private Half[] _values;
    private int _rows;

    public SparseMatrixBuilder(int rowCount, int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _rowStarts = new int[rowCount + 1];
        // Uninitialised: every slot below the last row start is written before it is read, and zeroing ~700 MB
        // would touch every page up front.
        _indices = GC.AllocateUninitializedArray<int>(capacity);
        _values = GC.AllocateUninitializedArray<Half>(capacity);
    }

    public int RowCount => _rows;
    public int NonZeroCount => _rowStarts[_rows];
    public int Capacity => _indices.Length;

    /// <summary>
    /// Grows the arrays to hold at least <paramref name="capacity"/> non-zeros. Growing copies, and the old and new
    /// arrays coexist while it does, so callers should ask once for a good estimate rather than often for a little.
    /// </summary>
    public void EnsureCapacity(long capacity)
    {
        if (capacity <= _indices.Length) return;
        // Array.MaxLength bounds any one array; the CSR's int row starts bound the non-zeros anyway.
        if (capacity > Array.MaxLength) throw new InvalidOperationException($"a sparse matrix holds at most {Array.MaxLength} non-zeros; {capacity} requested.");
        _indices = Grown(_indices, (int)capacity, NonZeroCount);
        _values = Grown(_values, (int)capacity, NonZeroCount);
    }

    private static T[] Grown<T>(T[] array, int capacity, int used)
    {
        var grown = GC.AllocateUninitializedArray<T>(capacity);
        array.AsSpan(0, used).CopyTo(grown);
        return grown;
    }

    /// <summary>Appends the next row (indices ascending), growing by half again when it does not fit.</summary>
    public void AppendRow(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        if (indices.Length != values.Length) throw new ArgumentException("indices and values differ in length.");
        int at = AppendRows([indices.Length]);
        indices.CopyTo(_indices.AsSpan(at));
        TensorPrimitives.ConvertToHalf(values, _values.AsSpan(at, values.Length));
    }

    /// <summary>
    /// Reserves the next <paramref name="lengths"/>.Length rows with the given non-zero counts and returns where the
    /// first starts; the caller fills each through <see cref="IndicesOf"/> and <see cref="ValuesOf"/> (e.g. in parallel). Grows by half again when the rows do not fit.
    /// </summary>
    public int AppendRows(ReadOnlySpan<int> lengths)
    {
        if (_rows + lengths.Length > _rowStarts.Length - 1) throw new InvalidOperationException($"more than {_rowStarts.Length - 1} rows appended.");
        int first = _rowStarts[_rows];
        long end = first;
        foreach (int l in lengths)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(l);
            end += l;
        }
        if (end > int.MaxValue) throw new InvalidOperationException($"a sparse matrix holds at most {int.MaxValue} non-zeros.");
        if (end > _indices.Length) EnsureCapacity(Math.Min(Math.Max(end, _indices.Length + (long)_indices.Length / 2), Array.MaxLength));
        foreach (int l in lengths)
        {
            _rowStarts[_rows + 1] = _rowStarts[_rows] + l;
            _rows++;
        }
        return first;
    }

    /// <summary>The indices of a row already appended or reserved, to fill or change in place.</summary>
    public Span<int> IndicesOf(int row) => _indices.AsSpan(_rowStarts[row], _rowStarts[row + 1] - _rowStarts[row]);

    /// <summary>The values of a row already appended or reserved, to fill or change in place.</summary>
    public Span<Half> ValuesOf(int row) => _values.AsSpan(_rowStarts[row], _rowStarts[row + 1] - _rowStarts[row]);

    /// <summary>The rows appended so far; every row must have been appended.</summary>
    public SparseMatrix Build(int columnCount)
    {
        if (_rows != _rowStarts.Length - 1) throw new InvalidOperationException($"{_rows} of {_rowStarts.Length - 1} rows appended.");
        return new SparseMatrix(columnCount, _rowStarts, _indices, _values);
    }
}
