namespace Classifier.Engine.Pipeline;

/// <summary>Facts about a trained model kept in its manifest: when and from what it was trained, and how well it scored.</summary>
public sealed record ModelInfo(
    DateTimeOffset CreatedUtc,
    string ToolVersion,
    string TrainingDataSha256,
    int TrainingRows,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> LabelCounts,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Metrics)
{
    /// <summary>
    /// A 64-bit hash of every training text (normalised), sorted: lets <c>trainer evaluate</c> tell held-out rows from
    /// training rows. Empty for models saved before this was kept.
    /// </summary>
    public ulong[] TrainingTextHashes { get; init; } = [];

    /// <summary>The hash <see cref="TrainingTextHashes"/> holds for <paramref name="text"/>: the first 8 bytes of SHA-256 of its normalised form.</summary>
    public static ulong TextHash(string text) =>
        BitConverter.ToUInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Classifier.Text.Normalization.TextNormalizer.Normalize(text))));

    /// <summary>How many of <paramref name="texts"/> the model was trained on.</summary>
    public int CountTrainingTexts(IEnumerable<string> texts)
    {
        int n = 0;
        foreach (var t in texts) if (Array.BinarySearch(TrainingTextHashes, TextHash(t)) >= 0) n++;
        return n;
    }

    /// <summary>How automatic selection chose the trainers, when it did.</summary>
    public SelectionInfo? Selection { get; init; }

    public static string CurrentToolVersion { get; } =
        typeof(ModelInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
