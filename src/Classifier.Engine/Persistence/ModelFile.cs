using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Classifier.Engine.Featurization;
using Classifier.Engine.Models;
using Classifier.Engine.Pipeline;
using Classifier.Text.Diagnostics;
using Classifier.Text.IO;

namespace Classifier.Engine.Persistence;

/// <summary>
/// Saves and loads a <see cref="TextClassifier"/> as one zip: manifest.json (settings, labels, provenance, metrics and
/// a SHA-256 and size per entry) plus one binary entry for the featurizer and one per head. Loading verifies every
/// size before allocating and every checksum before parsing, so truncation, corruption and tampering are each
/// reported as such, and a model from a newer format version is refused rather than misread.
/// </summary>
public static class ModelFile
{
    /// <summary>
    /// The newest format this version reads. A model is written as format 1 unless a head pools sentences (format 2), so
    /// a tool that predates pooling refuses such a model instead of scoring its paragraphs whole.
    /// </summary>
    public const int FormatVersion = 2;

    /// <summary>No entry may declare more than this (the largest byte array .NET can allocate).</summary>
    public const long MaxEntryBytes = 0x7FFF_FFC7;
    private const long MaxManifestBytes = 4 << 20;
    private const string ManifestName = "manifest.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Save(string path, TextClassifier model)
    {
        var entries = new Dictionary<string, byte[]> { ["featurizer.bin"] = Serialize(model.Featurizer.WriteTo) };
        if (model.Info.TrainingTextHashes.Length > 0)
            entries[TrainingRowsEntry] = Serialize(w => BinaryFormat.WriteLongs(w, model.Info.TrainingTextHashes));
        var heads = new List<ManifestHead>();
        for (int h = 0; h < model.Heads.Count; h++)
        {
            var head = model.Heads[h];
            var name = $"head-{h}{head.Model.EntryExtension}";
            entries[name] = Serialize(head.Model.WriteTo);
            heads.Add(new ManifestHead
            {
                Name = head.Name, Labels = [.. head.Labels], Trainer = head.Trainer,
                Hyperparameters = new(head.Hyperparameters), ModelKind = head.Model.Kind, Entry = name,
                SentencePooling = head.SentencePooling,
            });
        }
        var info = model.Info;
        var manifest = new ModelManifest
        {
            FormatVersion = model.PoolsSentences ? 2 : 1,
            ToolVersion = info.ToolVersion,
            CreatedUtc = info.CreatedUtc,
            Featurizer = model.Featurizer.Options,
            Heads = heads,
            Training = new ManifestTraining
            {
                Sha256 = info.TrainingDataSha256, Rows = info.TrainingRows,
                LabelCounts = info.LabelCounts.ToDictionary(kv => kv.Key, kv => new Dictionary<string, int>(kv.Value)),
            },
            Metrics = info.Metrics.ToDictionary(kv => kv.Key, kv => new Dictionary<string, double>(kv.Value)),
            Selection = info.Selection,
            Entries = entries.ToDictionary(kv => kv.Key, kv => new ManifestEntry { Bytes = kv.Value.Length, Sha256 = Sha256(kv.Value) }),
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        try
        {
            if (directory is not null) Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, $"cannot create the directory '{directory}': {ex.Message}", ex);
        }
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            WriteEntry(zip, ManifestName, JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
            foreach (var (name, bytes) in entries) WriteEntry(zip, name, bytes);
        });
    }

    public static TextClassifier Load(string path) => WithArchive(path, zip => Read(path, zip));

    /// <summary>Reads only the manifest (for `trainer info`-style inspection without loading weights).</summary>
    public static ModelManifest ReadManifest(string path) => WithArchive(path, zip => ReadManifest(path, zip));

    /// <summary>Opens the zip and turns every way it can fail into a <see cref="ModelFileException"/> that says which.</summary>
    private static T WithArchive<T>(string path, Func<ZipArchive, T> read)
    {
        if (!File.Exists(path))
            throw new ModelFileException(path, Directory.Exists(path) ? "is a directory, not a model file" : "model file not found");
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length == 0) throw new ModelFileException(path, "is empty (0 bytes): not a model file");
            ZipArchive zip;
            try
            {
                zip = new ZipArchive(stream, ZipArchiveMode.Read);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException)
            {
                throw new ModelFileException(path, StartsLikeZip(stream)
                    ? $"is truncated or damaged: it starts as a zip but its directory at the end cannot be read ({ex.Message})"
                    : "is not a model file (not a zip archive)", ex);
            }
            using (zip) return read(zip);
        }
        catch (ModelFileException) { throw; }
        catch (InvalidDataException ex) { throw new ModelFileException(path, $"not a model file or damaged: {ex.Message}", ex); }
        catch (EndOfStreamException ex) { throw new ModelFileException(path, "is truncated (unexpected end of data)", ex); }
        catch (JsonException ex) { throw new ModelFileException(path, $"has an unreadable manifest: {ex.Message}", ex); }
        catch (IOException ex) { throw new ModelFileException(path, $"cannot be read: {ex.Message}", ex); }
        catch (UnauthorizedAccessException ex) { throw new ModelFileException(path, $"cannot be read: {ex.Message}", ex); }
    }

    /// <summary>Whether the file begins with a zip local header ("PK\x03\x04"), i.e. is a zip that lost its end.</summary>
    private static bool StartsLikeZip(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        stream.Position = 0;
        return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 3 && head[3] == 4;
    }

    private static TextClassifier Read(string path, ZipArchive zip)
    {
        if (zip.GetEntry(ManifestName) is null && ModelReaders.TryForeign(path, [.. zip.Entries.Select(e => e.FullName)]) is { } foreign) return foreign;
        var manifest = ReadManifest(path, zip);
        var featurizer = Parse(path, zip, manifest, "featurizer.bin", FittedFeaturizer.ReadFrom);
        var heads = new List<ClassifierHead>();
        foreach (var head in manifest.Heads)
        {
            if (!ModelReaders.TryGet(head.ModelKind, out var reader))
                throw new ModelFileException(path, $"head '{head.Name}' has model kind '{head.ModelKind}', which this version cannot read (it knows: {string.Join(", ", ModelReaders.Kinds)})"
                    + (head.ModelKind == "mlnet" ? "; a program that loads ML.NET heads must reference Classifier.MlNet and call MlNetEngine.Register() first" : ""));
            var model = Parse(path, zip, manifest, head.Entry, reader);
            if (model.ClassCount != head.Labels.Count)
                throw new ModelFileException(path, $"head '{head.Name}' has {model.ClassCount} classes but the manifest lists {head.Labels.Count} labels");
            if (model is not ITextModel && model.FeatureCount != featurizer.FeatureCount)
                throw new ModelFileException(path, $"head '{head.Name}' expects {model.FeatureCount} features but the featurizer makes {featurizer.FeatureCount}");
            heads.Add(new ClassifierHead(head.Name, head.Labels, model, head.Trainer, head.Hyperparameters) { SentencePooling = head.SentencePooling });
        }
        if (heads.Count == 0) throw new ModelFileException(path, "the manifest lists no heads");
        var info = new ModelInfo(manifest.CreatedUtc, manifest.ToolVersion, manifest.Training.Sha256, manifest.Training.Rows,
            manifest.Training.LabelCounts.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)kv.Value),
            manifest.Metrics.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, double>)kv.Value))
        {
            Selection = manifest.Selection is { Finished: not null, Stopped: not null } selection ? selection : null,
            TrainingTextHashes = manifest.Entries.ContainsKey(TrainingRowsEntry) ? Parse(path, zip, manifest, TrainingRowsEntry, ReadSortedHashes) : [],
        };
        try
        {
            return new TextClassifier(featurizer, heads, info);
        }
        catch (ArgumentException ex)
        {
            throw new ModelFileException(path, $"the manifest's heads do not fit its featurizer: {ex.Message}; retrain the model (damaged or hand-edited)");
        }
    }

    private static ModelManifest ReadManifest(string path, ZipArchive zip)
    {
        var entry = zip.GetEntry(ManifestName) ?? throw new ModelFileException(path, $"is a zip but not a model file (no {ManifestName})");
        if (entry.Length > MaxManifestBytes) throw new ModelFileException(path, $"{ManifestName} declares {entry.Length} bytes, more than a manifest can be");
        var manifest = JsonSerializer.Deserialize<ModelManifest>(ReadEntry(path, entry, entry.Length))
            ?? throw new ModelFileException(path, $"{ManifestName} is empty");
        if (manifest.Kind != ModelManifest.FileKind)
            throw new ModelFileException(path, $"is a '{manifest.Kind}' file, not a classifier model");
        if (manifest.FormatVersion > FormatVersion)
            throw new ModelFileException(path, $"was written by a newer version (format {manifest.FormatVersion}; this version reads up to {FormatVersion}): upgrade the tool to load it");
        if (manifest.FormatVersion < 1) throw new ModelFileException(path, $"declares an invalid format version {manifest.FormatVersion}");
        CheckComplete(path, manifest);
        return manifest;
    }

    /// <summary>
    /// JSON null satisfies the deserializer but not the non-nullable properties; a hand-edited manifest must fail
    /// here, by name, rather than as a null reference later.
    /// </summary>
    private static void CheckComplete(string path, ModelManifest m)
    {
        static bool AnyNull<TKey, TValue>(Dictionary<TKey, TValue>? d) where TKey : notnull
        {
            if (d is null) return true;
            foreach (var v in d.Values) if (v is null) return true;
            return false;
        }
        string? missing =
            m.ToolVersion is null ? "toolVersion" :
            m.Featurizer is null ? "featurizer" :
            m.Heads is null ? "heads" :
            m.Training is null || m.Training.Sha256 is null || AnyNull(m.Training.LabelCounts) ? "training" :
            AnyNull(m.Metrics) ? "metrics" :
            AnyNull(m.Entries) ? "entries" : null;
        if (missing is null)
            foreach (var h in m.Heads!)
                if (h is null || h.Name is null || h.Labels is null || h.Labels.Contains(null!) || h.Trainer is null
                    || AnyNull(h.Hyperparameters) || h.ModelKind is null || h.Entry is null)
                {
                    missing = "heads";
                    break;
                }
        if (missing is null)
            foreach (var e in m.Entries.Values)
                if (e.Sha256 is null) missing = "entries";
        if (missing is not null) throw new ModelFileException(path, $"{ManifestName} has a missing or null '{missing}' section (damaged or hand-edited)");
    }

    private const string TrainingRowsEntry = "training-rows.bin";

    private static ulong[] ReadSortedHashes(BinaryReader reader)
    {
        var hashes = BinaryFormat.ReadLongs(reader);
        for (int i = 1; i < hashes.Length; i++)
            if (hashes[i] < hashes[i - 1]) throw new InvalidDataException("training text hashes are not sorted");
        return hashes;
    }

    /// <summary>An entry the manifest lists but the archive lacks: a stranger in its place means a damaged name.</summary>
    private static string MissingEntry(ZipArchive zip, ModelManifest manifest, string name)
    {
        var strangers = zip.Entries.Select(e => e.FullName).Where(n => n != ManifestName && !manifest.Entries.ContainsKey(n)).ToList();
        return strangers.Count > 0
            ? $"is damaged: entry '{name}' is not in the archive, which holds an unknown entry '{strangers[0]}' instead (a damaged name)"
            : $"is incomplete: entry '{name}' is missing";
    }

    private static T Parse<T>(string path, ZipArchive zip, ModelManifest manifest, string name, Func<BinaryReader, T> parse)
    {
        if (!manifest.Entries.TryGetValue(name, out var declared))
            throw new ModelFileException(path, $"the manifest has no checksum for entry '{name}'");
        if (declared.Bytes < 0 || declared.Bytes > MaxEntryBytes)
            throw new ModelFileException(path, $"entry '{name}' declares {declared.Bytes} bytes, outside the allowed range");
        var entry = zip.GetEntry(name) ?? throw new ModelFileException(path, MissingEntry(zip, manifest, name));
        if (entry.Length != declared.Bytes)
            throw new ModelFileException(path, $"entry '{name}' is {entry.Length} bytes but the manifest declares {declared.Bytes} (tampered or damaged)");
        var bytes = ReadEntry(path, entry, declared.Bytes);
        if (!string.Equals(Sha256(bytes), declared.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new ModelFileException(path, $"entry '{name}' fails its SHA-256 check (corrupted or tampered)");
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
            var result = parse(reader);
            if (reader.BaseStream.Position != bytes.Length)
                throw new InvalidDataException($"{bytes.Length - reader.BaseStream.Position} unexpected bytes after the data");
            return result;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException or JsonException or OverflowException or FormatException)
        {
            throw new ModelFileException(path, $"entry '{name}' passes its checksum but cannot be parsed: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Reads one entry, growing the buffer as data actually arrives instead of allocating the declared size up front:
    /// a forged size in the manifest and the zip directory then costs nothing until real bytes back it. Verifies the
    /// zip's CRC-32, so damage inside any entry (the manifest included) is reported as corruption.
    /// </summary>
    private static byte[] ReadEntry(string path, ZipArchiveEntry entry, long length)
    {
        var buffer = new byte[Math.Min(length, 1 << 20)];
        int filled = 0;
        try
        {
            using var stream = entry.Open();
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (filled == length) break;
                    Array.Resize(ref buffer, (int)Math.Min(length, 2L * buffer.Length));
                }
                int read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0) break;
                filled += read;
            }
            if (filled < length) throw new ModelFileException(path, $"entry '{entry.FullName}' is truncated ({filled} of {length} bytes)");
            if (stream.ReadByte() != -1) throw new ModelFileException(path, $"entry '{entry.FullName}' is longer than declared");
        }
        catch (InvalidDataException ex)
        {
            throw new ModelFileException(path, $"entry '{entry.FullName}' is corrupted (its compressed data cannot be decoded: {ex.Message})", ex);
        }
        if (Crc32(buffer) != entry.Crc32)
            throw new ModelFileException(path, $"entry '{entry.FullName}' is corrupted (CRC-32 mismatch)");
        return buffer;
    }

    private static readonly uint[] CrcTable = BuildCrcTable();

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB8_8320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>The zip format's CRC-32 (reflected polynomial 0xEDB88320), not exposed publicly by the framework.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFF_FFFFu;
        foreach (var b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static byte[] Serialize(Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) write(writer);
        return buffer.ToArray();
    }

    private static void WriteEntry(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
