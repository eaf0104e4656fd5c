namespace Classifier.Trainer.Labelling;

/// <summary>A suggested label pair for one paragraph, from the rules or the model.</summary>
/// <param name="Source">"rules" or "model".</param>
/// <param name="Stance">Suggested stance, or null.</param>
/// <param name="StanceConfidence">Its confidence (0 when none).</param>
/// <param name="Topic">Suggested topic, or null.</param>
/// <param name="TopicConfidence">Its confidence (0 when none).</param>
/// <param name="Detail">Rules that fired, or empty.</param>
public sealed record Suggestion(string Source, string? Stance, double StanceConfidence, string? Topic, double TopicConfidence, string Detail);
