using Classifier.Engine.Pipeline;

namespace Classifier.Api.Contracts;

/// <summary>What the manifest says about the model's training: when, with which tool version, on what, how well.</summary>
public sealed record TrainingDescription(
    DateTimeOffset CreatedUtc,
    string ToolVersion,
    string TrainingDataSha256,
    int TrainingRows,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> LabelCounts,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Metrics,
    SelectionInfo? Selection);
