namespace Classifier.Engine.Trainers;

public sealed record LbfgsMaximumEntropyOptions
{
    public float L2 { get; init; } = 1f;
    public float L1 { get; init; } = 1f;
}
