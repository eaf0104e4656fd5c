using System.Globalization;

namespace Classifier.Text.Labelling;

/// <summary>What a labels file looked like when its writer last touched it: size, modification time and last bytes.</summary>
internal sealed record FileState(bool Exists, long Length, DateTime WrittenUtc, byte[] Tail)
{
    private const int TailBytes = 4096;

    public static FileState Of(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return new FileState(false, 0, default, []);
        return new FileState(true, info.Length, info.LastWriteTimeUtc, Read(path, Math.Max(0, info.Length - TailBytes), (int)Math.Min(TailBytes, info.Length)));
    }

    public bool Same(FileState other) =>
        Exists == other.Exists && Length == other.Length && WrittenUtc == other.WrittenUtc && Tail.AsSpan().SequenceEqual(other.Tail);

    /// <summary>Whether the file at <paramref name="path"/> still holds <paramref name="earlier"/>'s last bytes where they were (it only grew).</summary>
    public bool Continues(string path, FileState earlier)
    {
        var found = Read(path, earlier.Length - earlier.Tail.Length, earlier.Tail.Length);
        return found.AsSpan().SequenceEqual(earlier.Tail);
    }

    public string Describe(FileState now) =>
        !Exists && now.Exists ? "it was created by someone else"
        : Exists && !now.Exists ? "it was deleted or moved"
        : now.Length < Length ? string.Create(CultureInfo.InvariantCulture, $"it shrank from {Length} to {now.Length} bytes")
        : now.Length == Length ? "it was edited in place (same size, other contents or time)"
        : "its earlier rows were rewritten";

    private static byte[] Read(string path, long offset, int count)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length < offset + count) return [];
        stream.Seek(offset, SeekOrigin.Begin);
        var bytes = new byte[count];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
