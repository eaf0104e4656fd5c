using Classifier.Engine.Data;

namespace Classifier.Tests.Data;

public class SparseMatrixBuilderTests
{
    [Fact]
    public void Rows_appended_past_the_capacity_keep_their_contents()
    {
        var builder = new SparseMatrixBuilder(3, capacity: 1);
        builder.AppendRow([0, 4], [1f, 2f]);
        builder.AppendRow([], []);
        builder.AppendRow([1, 2, 3], [3f, 4f, 5f]);
        var m = builder.Build(5);
        Assert.Equal(3, m.RowCount);
        Assert.Equal(5, m.NonZeroCount);
        Assert.Equal([0, 4], m.Row(0).Indices.ToArray());
        Assert.Equal([1f, 2f], m.Row(0).Values.ToArray());
        Assert.Equal(0, m.Row(1).Count);
        Assert.Equal([1, 2, 3], m.Row(2).Indices.ToArray());
        Assert.Equal([3f, 4f, 5f], m.Row(2).Values.ToArray());
    }

    [Fact]
    public void Reserved_rows_are_filled_in_place_and_slack_stays_outside_the_rows()
    {
        var builder = new SparseMatrixBuilder(2, capacity: 10);
        builder.AppendRows([2, 1]);
        builder.IndicesOf(1)[0] = 7;
        builder.ValuesOf(1)[0] = (Half)(-1f);
        // Every reserved slot is written: the arrays are not zeroed.
        builder.IndicesOf(0)[0] = 1;
        builder.ValuesOf(0)[0] = (Half)0.25f;
        builder.IndicesOf(0)[1] = 3;
        builder.ValuesOf(0)[1] = (Half)0.5f;
        var m = builder.Build(8);
        Assert.Equal(3, m.NonZeroCount);
        Assert.Equal(10, m.Indices.Length);
        Assert.Equal([1, 3], m.Row(0).Indices.ToArray());
        Assert.Equal([0.25f, 0.5f], m.Row(0).Values.ToArray());
        Assert.Equal([7], m.Row(1).Indices.ToArray());
        Assert.Equal([-1f], m.Row(1).Values.ToArray());
    }

    [Fact]
    public void Too_few_or_too_many_rows_are_refused()
    {
        var builder = new SparseMatrixBuilder(1);
        Assert.Throws<InvalidOperationException>(() => builder.Build(3));
        builder.AppendRow([1], [1f]);
        Assert.Throws<InvalidOperationException>(() => builder.AppendRow([2], [1f]));
        Assert.Throws<ArgumentException>(() => new SparseMatrixBuilder(2).AppendRow([1, 2], [1f]));
    }
}
