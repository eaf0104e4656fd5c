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
    public const int FormatVersion = 1;

    /// <summary>No entry may declare more than this; a hostile manifest cannot make us allocate more.</summary>
    public const long MaxEntryBytes = 2L << 30;
    private const long MaxManifestBytes = 4 << 20;
    private const string ManifestName = "manifest.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Save(string path, TextClassifier model)
    {
        var entries = new Dictionary<string, byte[]> { ["featurizer.bin"] = Serialize(model.Featurizer.WriteTo) };
        var heads = new List<ManifestHead>();
        for (int h = 0; h < model.Heads.Count; h++)
        {
            var head = model.Heads[h];
            var name = $"head-{h}.bin";
            entries[name] = Serialize(head.Model.WriteTo);
            heads.Add(new ManifestHead
            {
                Name = head.Name, Labels = [.. head.Labels], Trainer = head.Trainer,
                Hyperparameters = new(head.Hyperparameters), ModelKind = head.Model.Kind, Entry = name,
            });
        }
        var info = model.Info;
        var manifest = new ModelManifest
        {
            FormatVersion = FormatVersion,
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
            Entries = entries.ToDictionary(kv => kv.Key, kv => new ManifestEntry { Bytes = kv.Value.Length, Sha256 = Sha256(kv.Value) }),
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            WriteEntry(zip, ManifestName, JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
            foreach (var (name, bytes) in entries) WriteEntry(zip, name, bytes);
        });
    }

    public static TextClassifier Load(string path)
    {
        if (!File.Exists(path))
            throw new ModelFileException(path, Directory.Exists(path) ? "is a directory, not a model file" : "model file not found");
        try
        {
            using var zip = new ZipArchive(File.OpenRead(path), ZipArchiveMode.Read);
            return Read(path, zip);
        }
        catch (ModelFileException) { throw; }
        catch (InvalidDataException ex) { throw new ModelFileException(path, $"not a model file or damaged: {ex.Message}", ex); }
        catch (EndOfStreamException ex) { throw new ModelFileException(path, "is truncated (unexpected end of data)", ex); }
        catch (JsonException ex) { throw new ModelFileException(path, $"has an unreadable manifest: {ex.Message}", ex); }
        catch (IOException ex) { throw new ModelFileException(path, $"cannot be read: {ex.Message}", ex); }
        catch (UnauthorizedAccessException ex) { throw new ModelFileException(path, $"cannot be read: {ex.Message}", ex); }
    }

    /// <summary>Reads only the manifest (for `trainer info`-style inspection without loading weights).</summary>
    public static ModelManifest ReadManifest(string path)
    {
        using var zip = new ZipArchive(File.OpenRead(path), ZipArchiveMode.Read);
        return ReadManifest(path, zip);
    }

    private static TextClassifier Read(string path, ZipArchive zip)
    {
        var manifest = ReadManifest(path, zip);
        var featurizer = Parse(path, zip, manifest, "featurizer.bin", FittedFeaturizer.ReadFrom);
        var heads = new List<ClassifierHead>();
        foreach (var head in manifest.Heads)
        {
            if (!ModelReaders.TryGet(head.ModelKind, out var reader))
                throw new ModelFileException(path, $"head '{head.Name}' has model kind '{head.ModelKind}', which this version cannot read (it knows: {string.Join(", ", ModelReaders.Kinds)})");
            var model = Parse(path, zip, manifest, head.Entry, reader);
            if (model.ClassCount != head.Labels.Count)
                throw new ModelFileException(path, $"head '{head.Name}' has {model.ClassCount} classes but the manifest lists {head.Labels.Count} labels");
            if (model.FeatureCount != featurizer.FeatureCount)
                throw new ModelFileException(path, $"head '{head.Name}' expects {model.FeatureCount} features but the featurizer makes {featurizer.FeatureCount}");
            heads.Add(new ClassifierHead(head.Name, head.Labels, model, head.Trainer, head.Hyperparameters));
        }
        if (heads.Count == 0) throw new ModelFileException(path, "the manifest lists no heads");
        var info = new ModelInfo(manifest.CreatedUtc, manifest.ToolVersion, manifest.Training.Sha256, manifest.Training.Rows,
            manifest.Training.LabelCounts.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)kv.Value),
            manifest.Metrics.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, double>)kv.Value));
        return new TextClassifier(featurizer, heads, info);
    }

    private static ModelManifest ReadManifest(string path, ZipArchive zip)
    {
        var entry = zip.GetEntry(ManifestName) ?? throw new ModelFileException(path, $"is a zip but not a model file (no {ManifestName})");
        if (entry.Length > MaxManifestBytes) throw new ModelFileException(path, $"{ManifestName} declares {entry.Length} bytes, more than a manifest can be");
        var manifest = JsonSerializer.Deserialize<ModelManifest>(ReadExactly(path, entry, entry.Length))
            ?? throw new ModelFileException(path, $"{ManifestName} is empty");
        if (manifest.Kind != ModelManifest.FileKind)
            throw new ModelFileException(path, $"is a '{manifest.Kind}' file, not a classifier model");
        if (manifest.FormatVersion > FormatVersion)
            throw new ModelFileException(path, $"was written by a newer version (format {manifest.FormatVersion}; this version reads up to {FormatVersion}): upgrade the tool to load it");
        if (manifest.FormatVersion < 1) throw new ModelFileException(path, $"declares an invalid format version {manifest.FormatVersion}");
        return manifest;
    }

    private static T Parse<T>(string path, ZipArchive zip, ModelManifest manifest, string name, Func<BinaryReader, T> parse)
    {
        if (!manifest.Entries.TryGetValue(name, out var declared))
            throw new ModelFileException(path, $"the manifest has no checksum for entry '{name}'");
        if (declared.Bytes < 0 || declared.Bytes > MaxEntryBytes)
            throw new ModelFileException(path, $"entry '{name}' declares {declared.Bytes} bytes, outside the allowed range");
        var entry = zip.GetEntry(name) ?? throw new ModelFileException(path, $"entry '{name}' is missing (the file is incomplete)");
        if (entry.Length != declared.Bytes)
            throw new ModelFileException(path, $"entry '{name}' is {entry.Length} bytes but the manifest declares {declared.Bytes} (tampered or damaged)");
        var bytes = ReadExactly(path, entry, declared.Bytes);
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
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException or JsonException)
        {
            throw new ModelFileException(path, $"entry '{name}' passes its checksum but cannot be parsed: {ex.Message}", ex);
        }
    }

    private static byte[] ReadExactly(string path, ZipArchiveEntry entry, long length)
    {
        var bytes = new byte[length];
        using var stream = entry.Open();
        try
        {
            stream.ReadExactly(bytes);
        }
        catch (EndOfStreamException ex)
        {
            throw new ModelFileException(path, $"entry '{entry.FullName}' is truncated", ex);
        }
        if (stream.ReadByte() != -1) throw new ModelFileException(path, $"entry '{entry.FullName}' is longer than declared");
        return bytes;
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
