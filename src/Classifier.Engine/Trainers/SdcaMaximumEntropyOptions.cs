namespace Classifier.Engine.Trainers;

public sealed record SdcaMaximumEntropyOptions
{
    public int Seed { get; init; } = 1;
    /// <summary>L2 strength; null = chosen from the data as ML.NET does.</summary>
    public float? L2 { get; init; }
    public float L1 { get; init; }
    /// <summary>Passes over the data; null = automatic.</summary>
    public int? MaxIterations { get; init; }
}
