using Classifier.Engine.Data;

namespace Classifier.Tests.Data;

public class SparseMatrixTests
{
    [Fact]
    public void FromDense_keeps_nonzeros_in_row_order()
    {
        var m = SparseMatrix.FromDense([[0f, 2f, 0f], [1f, 0f, 3f]]);
        Assert.Equal(2, m.RowCount);
        Assert.Equal(3, m.ColumnCount);
        Assert.Equal([1], m.Row(0).Indices.ToArray());
        Assert.Equal([0, 2], m.Row(1).Indices.ToArray());
        Assert.Equal(10f, m.Row(1).SquaredNorm());
    }

    [Fact]
    public void SelectRows_reorders_and_copies()
    {
        var m = SparseMatrix.FromDense([[1f, 0f], [0f, 2f], [3f, 4f]]);
        var s = m.SelectRows([2, 0]);
        Assert.Equal([0, 1], s.Row(0).Indices.ToArray());
        Assert.Equal([3f, 4f], s.Row(0).Values.ToArray());
        Assert.Equal([1f], s.Row(1).Values.ToArray());
    }

    [Fact]
    public void Dot_multiplies_only_nonzeros()
    {
        var m = SparseMatrix.FromDense([[0f, 2f, 1f]]);
        Assert.Equal(2f * 5f + 1f * 7f, m.Row(0).Dot([100f, 5f, 7f]));
    }

    [Fact]
    public void Values_are_stored_as_the_nearest_16_bit_float()
    {
        // 0.1 is not a Half; 1/3 neither; 2048 and small counts are exact.
        var m = SparseMatrix.FromDense([[0.1f, 1f / 3f, 2048f, -3f]]);
        Assert.Equal([(float)(Half)0.1f, (float)(Half)(1f / 3f), 2048f, -3f], m.Row(0).Values.ToArray());
        Assert.True(Math.Abs(m.Row(0).Values[0] - 0.1f) <= 0.1f / 2048);
    }

    [Fact]
    public void Row_into_a_buffer_equals_the_allocating_row_and_reuses_the_buffer()
    {
        var m = SparseMatrix.FromDense([[0f, 0.25f, 0.5f], [0.75f, 0f, 0f], [0f, 0f, 0f]]);
        Assert.Equal(2, m.MaxRowLength);
        var buffer = new float[m.MaxRowLength];
        for (int r = 0; r < m.RowCount; r++)
        {
            var row = m.Row(r, buffer);
            Assert.Equal(m.Row(r).Indices.ToArray(), row.Indices.ToArray());
            Assert.Equal(m.Row(r).Values.ToArray(), row.Values.ToArray());
            Assert.Equal(m.RowLength(r), row.Count);
        }
        Assert.Equal(0.75f, buffer[0]); // the last non-empty row widened into it
    }

    [Fact]
    public void SelectRows_copies_the_stored_values_unchanged()
    {
        var m = SparseMatrix.FromDense([[0.1f, 0f], [0f, 0.3f]]);
        var s = m.SelectRows([1, 0]);
        Assert.Equal(m.Values[1], s.Values[0]);
        Assert.Equal(m.Values[0], s.Values[1]);
    }
}
