namespace Classifier.Engine.Persistence;

/// <summary>
/// Length-prefixed arrays for model files. Every read checks the declared length against the bytes that remain,
/// so a truncated or hostile file fails with <see cref="InvalidDataException"/> before anything large is allocated.
/// Model streams are seekable (entries are verified and buffered before parsing).
/// </summary>
public static class BinaryFormat
{
    public static void WriteFloats(BinaryWriter writer, ReadOnlySpan<float> values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
    }

    public static void WriteDoubles(BinaryWriter writer, ReadOnlySpan<double> values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
    }

    public static void WriteInts(BinaryWriter writer, ReadOnlySpan<int> values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
    }

    public static void WriteLongs(BinaryWriter writer, ReadOnlySpan<ulong> values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
    }

    /// <summary>
    /// Writes a row-major matrix of <paramref name="width"/> columns storing only its rows that hold a non-zero: a model
    /// trained on a few thousand paragraphs touches a small share of 2^19 hashed features, and dense weights would make
    /// files (and load times) grow with the hash space instead of with what was learned.
    /// </summary>
    public static void WriteSparseRows(BinaryWriter writer, ReadOnlySpan<float> matrix, int width)
    {
        var rows = new List<int>();
        for (int r = 0; r * width < matrix.Length; r++)
            if (matrix.Slice(r * width, width).IndexOfAnyExcept(0f) >= 0) rows.Add(r);
        var values = new float[rows.Count * width];
        for (int i = 0; i < rows.Count; i++) matrix.Slice(rows[i] * width, width).CopyTo(values.AsSpan(i * width));
        writer.Write(matrix.Length / width);
        writer.Write(width);
        WriteInts(writer, rows.ToArray());
        WriteFloats(writer, values);
    }

    /// <summary>2^28 floats (1 GiB): a header declaring more is corrupt or hostile, and is refused before allocating.</summary>
    public const long MaxDenseValues = 1L << 28;

    /// <summary>Reads what <see cref="WriteSparseRows"/> wrote back into a dense matrix, checking every index first.</summary>
    public static float[] ReadSparseRows(BinaryReader reader, int expectedRows, int expectedWidth, string what)
    {
        if (expectedRows < 0 || expectedWidth < 1 || (long)expectedRows * expectedWidth > MaxDenseValues)
            throw new InvalidDataException($"{what}: {expectedRows} × {expectedWidth} values is more than a model can hold (limit {MaxDenseValues})");
        Expect(reader.ReadInt32(), expectedRows, $"{what} row count");
        Expect(reader.ReadInt32(), expectedWidth, $"{what} width");
        var rows = ReadInts(reader);
        var values = ReadFloats(reader);
        Expect(values.Length, (long)rows.Length * expectedWidth, $"{what} stored values");
        for (int i = 0; i < rows.Length; i++)
            if (rows[i] < 0 || rows[i] >= expectedRows || (i > 0 && rows[i] <= rows[i - 1]))
                throw new InvalidDataException($"{what}: row index {rows[i]} at position {i} is out of order or out of range");
        var dense = new float[(long)expectedRows * expectedWidth];
        for (int i = 0; i < rows.Length; i++) values.AsSpan(i * expectedWidth, expectedWidth).CopyTo(dense.AsSpan(rows[i] * expectedWidth));
        return dense;
    }

    public static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var v in values) writer.Write(v);
    }

    public static float[] ReadFloats(BinaryReader reader) => ReadArray<float>(reader, sizeof(float));

    public static double[] ReadDoubles(BinaryReader reader) => ReadArray<double>(reader, sizeof(double));

    public static int[] ReadInts(BinaryReader reader) => ReadArray<int>(reader, sizeof(int));

    public static ulong[] ReadLongs(BinaryReader reader) => ReadArray<ulong>(reader, sizeof(ulong));

    public static string[] ReadStrings(BinaryReader reader)
    {
        int count = ReadCount(reader, minBytesEach: 1);
        var result = new string[count];
        for (int i = 0; i < count; i++) result[i] = reader.ReadString();
        return result;
    }

    /// <summary>Reads a count and checks that at least <paramref name="minBytesEach"/> bytes per item remain.</summary>
    public static int ReadCount(BinaryReader reader, int minBytesEach)
    {
        int count = reader.ReadInt32();
        long remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        if (count < 0 || (long)count * minBytesEach > remaining)
            throw new InvalidDataException($"declared count {count} does not fit in the {remaining} bytes that remain (truncated or corrupt data)");
        return count;
    }

    /// <summary>Throws unless <paramref name="actual"/> equals what the surrounding structure requires.</summary>
    public static void Expect(long actual, long expected, string what)
    {
        if (actual != expected)
            throw new InvalidDataException($"{what}: expected {expected}, found {actual}");
    }

    private static T[] ReadArray<T>(BinaryReader reader, int size) where T : unmanaged
    {
        int count = ReadCount(reader, size);
        var result = new T[count];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.AsSpan());
        // One Read call may legally return fewer bytes than asked on streams other than MemoryStream.
        int read = reader.BaseStream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read != bytes.Length) throw new InvalidDataException("unexpected end of data");
        return result;
    }
}
