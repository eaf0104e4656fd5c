namespace Classifier.Engine.Pipeline;

/// <summary>A trainer with settings that automatic selection tries.</summary>
public sealed record TrainerCandidate(string Trainer, IReadOnlyDictionary<string, string> Settings)
{
    public override string ToString() =>
        Settings.Count == 0 ? Trainer : $"{Trainer} ({string.Join(", ", Settings.Select(kv => $"{kv.Key}={kv.Value}"))})";
}
