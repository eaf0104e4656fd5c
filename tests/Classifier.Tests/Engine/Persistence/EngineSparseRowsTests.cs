using Classifier.Engine.Persistence;

namespace Classifier.Tests.Engine.Persistence;

public sealed class EngineSparseRowsTests
{
    private static byte[] Write(Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) write(writer);
        return buffer.ToArray();
    }

    [Fact]
    public void Only_rows_with_a_non_zero_are_stored_and_the_matrix_comes_back_whole()
    {
        var matrix = new float[1000 * 3];
        matrix[7 * 3 + 1] = 0.5f;
        matrix[999 * 3 + 2] = -2f;
        var bytes = Write(w => BinaryFormat.WriteSparseRows(w, matrix, 3));
        Assert.True(bytes.Length < 100, $"{bytes.Length} bytes for two non-zero rows");
        using var reader = new BinaryReader(new MemoryStream(bytes));
        Assert.Equal(matrix, BinaryFormat.ReadSparseRows(reader, 1000, 3, "test"));
    }

    [Fact]
    public void Out_of_order_rows_and_impossible_sizes_are_refused_before_allocating()
    {
        var disordered = Write(w =>
        {
            w.Write(10); w.Write(1);
            BinaryFormat.WriteInts(w, [5, 2]);
            BinaryFormat.WriteFloats(w, [1f, 2f]);
        });
        using (var reader = new BinaryReader(new MemoryStream(disordered)))
            Assert.Throws<InvalidDataException>(() => BinaryFormat.ReadSparseRows(reader, 10, 1, "test"));
        using (var reader = new BinaryReader(new MemoryStream(disordered)))
            Assert.Throws<InvalidDataException>(() => BinaryFormat.ReadSparseRows(reader, int.MaxValue, 1000, "test"));
    }
}
