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
    /// <summary>How automatic selection chose the trainers, when it did.</summary>
    public SelectionInfo? Selection { get; init; }

    public static string CurrentToolVersion { get; } =
        typeof(ModelInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
