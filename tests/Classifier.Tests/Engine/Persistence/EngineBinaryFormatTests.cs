using Classifier.Engine.Persistence;

namespace Classifier.Tests.Engine.Persistence;

public class EngineBinaryFormatTests
{
    private static BinaryReader Reader(Action<BinaryWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) write(writer);
        buffer.Position = 0;
        return new BinaryReader(buffer);
    }

    [Fact]
    public void Arrays_round_trip()
    {
        using var r = Reader(w =>
        {
            BinaryFormat.WriteFloats(w, [1.5f, -2f]);
            BinaryFormat.WriteDoubles(w, [Math.PI]);
            BinaryFormat.WriteInts(w, []);
            BinaryFormat.WriteLongs(w, [ulong.MaxValue, 7]);
            BinaryFormat.WriteStrings(w, ["Vučić", ""]);
        });
        Assert.Equal([1.5f, -2f], BinaryFormat.ReadFloats(r));
        Assert.Equal([Math.PI], BinaryFormat.ReadDoubles(r));
        Assert.Empty(BinaryFormat.ReadInts(r));
        Assert.Equal([ulong.MaxValue, 7UL], BinaryFormat.ReadLongs(r));
        Assert.Equal(["Vučić", ""], BinaryFormat.ReadStrings(r));
        Assert.Equal(r.BaseStream.Length, r.BaseStream.Position);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(-1)]
    [InlineData(3)]
    public void Declared_counts_beyond_the_data_fail_before_allocating(int count)
    {
        using var r = Reader(w => { w.Write(count); w.Write(1f); w.Write(2f); });
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<InvalidDataException>(() => BinaryFormat.ReadFloats(r));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
        using var s = Reader(w => { w.Write(count); w.Write((byte)0); w.Write((byte)0); });
        Assert.Throws<InvalidDataException>(() => BinaryFormat.ReadStrings(s));
    }

    [Fact]
    public void Expect_names_what_disagrees()
    {
        var ex = Assert.Throws<InvalidDataException>(() => BinaryFormat.Expect(3, 4, "bias count"));
        Assert.Contains("bias count", ex.Message);
        BinaryFormat.Expect(4, 4, "fine");
    }
}
