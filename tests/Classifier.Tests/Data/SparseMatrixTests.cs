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
}
