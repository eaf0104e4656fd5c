namespace Classifier.Engine.Trainers;

public sealed record FastTreeOptions
{
    public int Seed { get; init; } = 1;
    public int NumberOfTrees { get; init; } = 100;
    public int NumberOfLeaves { get; init; } = 20;
    public float LearningRate { get; init; } = 0.2f;
    public int MinimumExampleCountPerLeaf { get; init; } = 10;
}
