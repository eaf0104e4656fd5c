namespace Classifier.Labelling;

/// <summary>Suggested labels for one paragraph, from the rules or the model, one per head of the session's schema.</summary>
/// <param name="Source">"rules" or "model".</param>
/// <param name="Labels">Per head, the suggested label (the schema's spelling), or null.</param>
/// <param name="Confidences">Per head, its confidence (0 when none).</param>
/// <param name="Detail">Rules that fired, or empty.</param>
public sealed record Suggestion(string Source, IReadOnlyList<string?> Labels, IReadOnlyList<double> Confidences, string Detail);
