namespace Classifier.Studio.Contracts;

/// <summary><c>GET /studio/v1/info</c>: what the pages show in their header (the model) and the Label page's files.</summary>
public sealed record StudioInfo(string Model, IReadOnlyList<string> Heads, string? Labels, string? Input, string? Rules);
