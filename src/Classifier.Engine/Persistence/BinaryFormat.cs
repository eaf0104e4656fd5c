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
