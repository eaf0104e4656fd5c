using System.Text.Json.Serialization;
using Classifier.Engine.Featurization;
using Classifier.Engine.Pipeline;

namespace Classifier.Engine.Persistence;

/// <summary>manifest.json inside a model zip: what the model is, how it was made, and a checksum per binary entry.</summary>
public sealed record ModelManifest
{
    /// <summary>Identifies the file as one of ours, so a zip of something else is named as such.</summary>
    public const string FileKind = "classifier-model";

    [JsonPropertyName("kind")] public string Kind { get; init; } = FileKind;
    [JsonPropertyName("formatVersion")] public int FormatVersion { get; init; }
    [JsonPropertyName("toolVersion")] public string ToolVersion { get; init; } = "";
    [JsonPropertyName("createdUtc")] public DateTimeOffset CreatedUtc { get; init; }
    [JsonPropertyName("featurizer")] public FeaturizerOptions Featurizer { get; init; } = new();
    [JsonPropertyName("heads")] public List<ManifestHead> Heads { get; init; } = [];
    [JsonPropertyName("training")] public ManifestTraining Training { get; init; } = new();
    [JsonPropertyName("metrics")] public Dictionary<string, Dictionary<string, double>> Metrics { get; init; } = [];
    [JsonPropertyName("selection")] public SelectionInfo? Selection { get; init; }
    [JsonPropertyName("entries")] public Dictionary<string, ManifestEntry> Entries { get; init; } = [];
}

public sealed record ManifestHead
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("labels")] public List<string> Labels { get; init; } = [];
    [JsonPropertyName("trainer")] public string Trainer { get; init; } = "";
    [JsonPropertyName("hyperparameters")] public Dictionary<string, string> Hyperparameters { get; init; } = [];
    [JsonPropertyName("modelKind")] public string ModelKind { get; init; } = "";
    [JsonPropertyName("entry")] public string Entry { get; init; } = "";

    /// <summary>The background label of sentence pooling; absent (older files, or pooling off): the paragraph is scored whole.</summary>
    [JsonPropertyName("sentencePooling"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? SentencePooling { get; init; }
}

public sealed record ManifestTraining
{
    [JsonPropertyName("sha256")] public string Sha256 { get; init; } = "";
    [JsonPropertyName("rows")] public int Rows { get; init; }
    [JsonPropertyName("labelCounts")] public Dictionary<string, Dictionary<string, int>> LabelCounts { get; init; } = [];
}

public sealed record ManifestEntry
{
    [JsonPropertyName("bytes")] public long Bytes { get; init; }
    [JsonPropertyName("sha256")] public string Sha256 { get; init; } = "";
}
