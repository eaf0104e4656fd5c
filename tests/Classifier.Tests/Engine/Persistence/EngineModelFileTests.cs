using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Classifier.Engine.Featurization;
using Classifier.Engine.Models;
using Classifier.Engine.Persistence;
using Classifier.Engine.Pipeline;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.Engine.Persistence;

public class EngineModelFileTests
{
    private static readonly string[] Texts =
    [
        "Vučić met Kurti in Brussels.",
        "Kosovo declared independence in 2008.",
        "Serbia does not recognise Kosovo.",
        "The EU mediates the dialogue between Belgrade and Pristina.",
    ];

    private static readonly string[] Stance = ["pro-serbia", "pro-kosovo", "neutral"];

    private static TextClassifier BuildModel(FeaturizerOptions? options = null)
    {
        var featurizer = new TextFeaturizer(options ?? new FeaturizerOptions { HashBits = 10 }).Fit(Texts);
        var random = new Random(5);
        int k = Stance.Length;
        var weights = new float[featurizer.FeatureCount * k];
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)(random.NextDouble() - 0.5);
        var model = new LinearModel(featurizer.FeatureCount, k, weights, [0.1f, -0.2f, 0.05f], LinearOutput.Softmax);
        var head = new ClassifierHead("stance", Stance, model, "sdca", new Dictionary<string, string> { ["l2"] = "0.001" });
        var info = new ModelInfo(
            new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), "1.2.3", "ab12", Texts.Length,
            new Dictionary<string, IReadOnlyDictionary<string, int>> { ["stance"] = new Dictionary<string, int> { ["neutral"] = 4 } },
            new Dictionary<string, IReadOnlyDictionary<string, double>> { ["stance"] = new Dictionary<string, double> { ["macroF1"] = 0.5 } });
        return new TextClassifier(featurizer, [head], info);
    }

    private static string Saved(TempDir dir, string name = "model.zip", FeaturizerOptions? options = null)
    {
        var path = dir.File(name);
        ModelFile.Save(path, BuildModel(options));
        return path;
    }

    private static Dictionary<string, byte[]> Entries(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var result = new Dictionary<string, byte[]>();
        foreach (var e in zip.Entries)
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            result[e.FullName] = m.ToArray();
        }
        return result;
    }

    private static void Rezip(string path, Dictionary<string, byte[]> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var s = zip.CreateEntry(name, level).Open();
            s.Write(bytes);
        }
    }

    /// <summary>Rewrites manifest.json through <paramref name="edit"/>, keeping every other entry as it was.</summary>
    private static void EditManifest(string path, Action<JsonObject> edit)
    {
        var entries = Entries(path);
        var manifest = JsonNode.Parse(entries["manifest.json"])!.AsObject();
        edit(manifest);
        entries["manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        Rezip(path, entries);
    }

    private static ModelFileException LoadFails(string path)
    {
        var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
        Assert.Equal(path, ex.File);
        return ex;
    }

    [Fact]
    public void Round_trip_gives_identical_predictions_and_info()
    {
        using var dir = new TempDir();
        foreach (var options in new[] { new FeaturizerOptions { HashBits = 10 }, new FeaturizerOptions { LearnVocabulary = true, MinCount = 1, WordNgrams = 3 } })
        {
            var model = BuildModel(options);
            var path = dir.File($"m{options.LearnVocabulary}.zip");
            ModelFile.Save(path, model);
            var loaded = ModelFile.Load(path);
            foreach (var text in Texts.Append("Приштина и Београд").Append(""))
            {
                var expected = model.Predict(text);
                var actual = loaded.Predict(text);
                Assert.Equal(expected.Length, actual.Length);
                for (int h = 0; h < expected.Length; h++)
                {
                    Assert.Equal(expected[h].Head, actual[h].Head);
                    Assert.Equal(expected[h].Label, actual[h].Label);
                    Assert.Equal(expected[h].Probabilities, actual[h].Probabilities);
                }
            }
            Assert.Equal(model.Featurizer.Options, loaded.Featurizer.Options);
            var head = Assert.Single(loaded.Heads);
            Assert.Equal("stance", head.Name);
            Assert.Equal(Stance, head.Labels);
            Assert.Equal("sdca", head.Trainer);
            Assert.Equal("0.001", head.Hyperparameters["l2"]);
            Assert.Equal(model.Info.CreatedUtc, loaded.Info.CreatedUtc);
            Assert.Equal("1.2.3", loaded.Info.ToolVersion);
            Assert.Equal("ab12", loaded.Info.TrainingDataSha256);
            Assert.Equal(Texts.Length, loaded.Info.TrainingRows);
            Assert.Equal(4, loaded.Info.LabelCounts["stance"]["neutral"]);
            Assert.Equal(0.5, loaded.Info.Metrics["stance"]["macroF1"]);

            var manifest = ModelFile.ReadManifest(path);
            Assert.Equal(1, manifest.FormatVersion); // no head pools sentences, so tools that predate pooling read it
            Assert.Equal(ModelManifest.FileKind, manifest.Kind);
            Assert.Equal("linear", manifest.Heads[0].ModelKind);
        }
    }

    [Fact]
    public void Saving_twice_gives_the_same_bytes()
    {
        using var dir = new TempDir();
        Assert.Equal(File.ReadAllBytes(Saved(dir, "a.zip")), File.ReadAllBytes(Saved(dir, "b.zip")));
    }

    [Fact]
    public void Random_bytes_are_not_a_model_file()
    {
        using var dir = new TempDir();
        var bytes = new byte[4096];
        new Random(1).NextBytes(bytes);
        var ex = LoadFails(dir.WriteBytes("random.zip", bytes));
        Assert.Contains("not a model file", ex.Message);
        var text = LoadFails(dir.Write("notes.txt", "stance,text\npro-serbia,hello\n"));
        Assert.Contains("not a model file", text.Message);
    }

    [Fact]
    public void Empty_file_says_empty()
    {
        using var dir = new TempDir();
        Assert.Contains("empty", LoadFails(dir.WriteBytes("empty.zip", [])).Message);
    }

    [Fact]
    public void Truncated_file_says_truncated_at_every_cut()
    {
        using var dir = new TempDir();
        var bytes = File.ReadAllBytes(Saved(dir));
        foreach (var length in new[] { 4, 30, 100, bytes.Length / 3, bytes.Length / 2, bytes.Length - 100, bytes.Length - 22, bytes.Length - 10, bytes.Length - 1 })
        {
            var ex = LoadFails(dir.WriteBytes($"cut{length}.zip", bytes[..length]));
            Assert.Contains("truncated", ex.Message);
        }
    }

    [Fact]
    public void Changed_entry_content_fails_the_checksum()
    {
        using var dir = new TempDir();
        var path = Saved(dir);
        var entries = Entries(path);
        entries["head-0.bin"][entries["head-0.bin"].Length / 2] ^= 0x40;
        Rezip(path, entries);
        var ex = LoadFails(path);
        Assert.Contains("SHA-256", ex.Message);
        Assert.Contains("head-0.bin", ex.Message);
    }

    [Fact]
    public void Bad_content_with_a_matching_checksum_is_reported_as_unparsable()
    {
        using var dir = new TempDir();
        var path = Saved(dir);
        var entries = Entries(path);
        var head = entries["head-0.bin"];
        head[4] = 9; // class count 9 against 3 labels and the weight array
        entries["head-0.bin"] = head;
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(entries["manifest.json"])!.AsObject();
        manifest["entries"]!["head-0.bin"]!["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(head));
        entries["manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        Rezip(path, entries);
        var ex = LoadFails(path);
        Assert.Contains("head-0.bin", ex.Message);
        Assert.Contains("cannot be parsed", ex.Message);
    }

    [Fact]
    public void A_flipped_byte_anywhere_inside_an_entry_is_reported_as_corruption()
    {
        using var dir = new TempDir();
        var original = File.ReadAllBytes(Saved(dir));
        var entries = Entries(dir.File("model.zip"));
        // Find where the compressed data of each entry lies: after its local header (30 bytes + name).
        int flips = 0;
        foreach (var name in new[] { "featurizer.bin", "head-0.bin", "manifest.json" })
        {
            int header = IndexOf(original, Encoding.ASCII.GetBytes(name));
            Assert.True(header > 0);
            int dataStart = header + name.Length;
            for (int offset = 5; offset < 400; offset += 37)
            {
                var bytes = (byte[])original.Clone();
                bytes[dataStart + offset] ^= 0x10;
                var path = dir.WriteBytes($"flip-{name}-{offset}.zip", bytes);
                var ex = LoadFails(path);
                Assert.Matches("corrupt|damaged|truncated|SHA-256", ex.Message);
                flips++;
            }
        }
        Assert.True(flips > 20);
        Assert.NotEmpty(entries);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        return -1;
    }

    [Theory]
    [InlineData("none-such", null, "background label 'none-such'")]
    [InlineData("neutral", 0.3f, "article context")]
    public void A_sentence_pooling_the_model_cannot_do_is_refused_naming_the_head(string background, float? context, string expected)
    {
        using var dir = new TempDir();
        var path = Saved(dir, options: context is { } w ? new FeaturizerOptions { ContextWeight = w } : null);
        EditManifest(path, m => m["heads"]![0]!["sentencePooling"] = background);
        var ex = LoadFails(path);
        Assert.Contains("head 'stance'", ex.Message);
        Assert.Contains(expected, ex.Message);
        Assert.Contains("retrain", ex.Message);
    }

    [Fact]
    public void Newer_format_version_is_refused_as_such()
    {
        using var dir = new TempDir();
        var path = Saved(dir);
        EditManifest(path, m => m["formatVersion"] = 99);
        var ex = LoadFails(path);
        Assert.Contains("newer version", ex.Message);
        Assert.Contains("99", ex.Message);
    }

    [Fact]
    public void Another_tools_manifest_is_named_as_such()
    {
        using var dir = new TempDir();
        var path = Saved(dir);
        EditManifest(path, m => m["kind"] = "mlnet-model");
        var ex = LoadFails(path);
        Assert.Contains("'mlnet-model'", ex.Message);
        Assert.Contains("not a classifier model", ex.Message);
        // A zip with no manifest at all (an ML.NET model, say).
        Rezip(path, new Dictionary<string, byte[]> { ["VersionInfo"] = [1, 2, 3] });
        Assert.Contains("not a model file", LoadFails(path).Message);
    }

    [Fact]
    public void Huge_declared_entry_size_fails_before_allocating()
    {
        using var dir = new TempDir();
        var path = Saved(dir);
        EditManifest(path, m => m["entries"]!["head-0.bin"]!["bytes"] = 1_000_000_000_000L);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = LoadFails(path);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L << 20);
        Assert.Contains("1000000000000", ex.Message);
        Assert.Contains("head-0.bin", ex.Message);
    }

    [Fact]
    public void Huge_size_in_both_manifest_and_zip_directory_fails_without_allocating_it()
    {
        using var dir = new TempDir();
        var path = Saved(dir);
        const uint huge = 0x7FFF_0000;
        EditManifest(path, m => m["entries"]!["head-0.bin"]!["bytes"] = huge);
        // Forge the uncompressed size (offset 24) in head-0.bin's central directory record.
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.ASCII.GetBytes("head-0.bin");
        int found = 0;
        for (int i = 0; i + 46 + name.Length <= bytes.Length; i++)
        {
            if (bytes[i] != 0x50 || bytes[i + 1] != 0x4B || bytes[i + 2] != 1 || bytes[i + 3] != 2) continue;
            if (!bytes.AsSpan(i + 46, name.Length).SequenceEqual(name)) continue;
            BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), huge);
            found++;
        }
        Assert.Equal(1, found);
        File.WriteAllBytes(path, bytes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = LoadFails(path);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L << 20, "the declared size was allocated");
        Assert.Contains("head-0.bin", ex.Message);
    }

    [Fact]
    public void Unknown_model_kind_names_the_kind()
    {
        using var dir = new TempDir();
        var path = Saved(dir);
        EditManifest(path, m => m["heads"]![0]!["modelKind"] = "quantum-forest");
        var ex = LoadFails(path);
        Assert.Contains("'quantum-forest'", ex.Message);
        Assert.Contains("linear", ex.Message);
    }

    [Fact]
    public void Missing_entry_is_named()
    {
        using var dir = new TempDir();
        var path = Saved(dir);
        var entries = Entries(path);
        entries.Remove("head-0.bin");
        Rezip(path, entries);
        var ex = LoadFails(path);
        Assert.Contains("head-0.bin", ex.Message);
        Assert.Contains("missing", ex.Message);
    }

    [Fact]
    public void An_entry_whose_name_is_damaged_is_reported_as_damaged_not_missing()
    {
        using var dir = new TempDir();
        var path = Saved(dir);
        var bytes = File.ReadAllBytes(path);
        // Damage the name in both the local header and the central directory: "head-0.bin" -> "head-0.bXn".
        var name = System.Text.Encoding.ASCII.GetBytes("head-0.bin");
        int damaged = 0;
        for (int i = 0; i + name.Length <= bytes.Length; i++)
            if (bytes.AsSpan(i, name.Length).SequenceEqual(name)) { bytes[i + 8] = (byte)'X'; damaged++; }
        Assert.Equal(2, damaged);
        File.WriteAllBytes(path, bytes);
        var ex = LoadFails(path);
        Assert.Contains("damaged", ex.Message);
        Assert.Contains("head-0.bXn", ex.Message);
    }

    [Fact]
    public void Manifest_with_missing_or_null_sections_is_a_model_error()
    {
        using var dir = new TempDir();
        foreach (var section in new[] { "heads", "entries", "training", "metrics", "featurizer" })
        {
            var path = Saved(dir, $"{section}.zip");
            EditManifest(path, m => m[section] = null);
            LoadFails(path);
        }
        var garbled = Saved(dir, "garbled.zip");
        var entries = Entries(garbled);
        entries["manifest.json"] = Encoding.UTF8.GetBytes("{ \"kind\": \"classifier-model\", ");
        Rezip(garbled, entries);
        Assert.Contains("manifest", LoadFails(garbled).Message);
        var nullHead = Saved(dir, "nullhead.zip");
        EditManifest(nullHead, m => m["heads"]![0] = null);
        LoadFails(nullHead);
        var nullLabels = Saved(dir, "nulllabels.zip");
        EditManifest(nullLabels, m => m["heads"]![0]!["labels"] = null);
        LoadFails(nullLabels);
    }

    [Fact]
    public void Directory_and_missing_file_are_named()
    {
        using var dir = new TempDir();
        Assert.Contains("directory", LoadFails(dir.Path).Message);
        Assert.Contains("not found", LoadFails(dir.File("nope.zip")).Message);
        Assert.Throws<ModelFileException>(() => ModelFile.ReadManifest(dir.File("nope.zip")));
        Assert.Throws<ModelFileException>(() => ModelFile.ReadManifest(dir.WriteBytes("r.zip", [1, 2, 3, 4, 5])));
    }

    [Fact]
    public void ErrorReporter_maps_model_file_errors_to_exit_code_4()
    {
        using var dir = new TempDir();
        var error = new StringWriter();
        int code = ErrorReporter.Run("predictor", () => { ModelFile.Load(dir.File("nope.zip")); return 0; }, error);
        Assert.Equal(ExitCodes.ModelError, code);
        Assert.Equal(4, code);
        Assert.Contains("model error", error.ToString());
        Assert.Contains("nope.zip", error.ToString());
        var random = dir.WriteBytes("r.zip", [0x50, 0x4B, 3, 4, 9, 9, 9]);
        Assert.Equal(4, ErrorReporter.Run("trainer", () => { ModelFile.Load(random); return 0; }, new StringWriter()));
    }
}
