namespace Classifier.Engine.Trainers;

public sealed record LinearSvmOptions
{
    public int Seed { get; init; } = 1;
    public float C { get; init; } = 1f;
}
