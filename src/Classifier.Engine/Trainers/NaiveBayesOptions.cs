namespace Classifier.Engine.Trainers;

public sealed record NaiveBayesOptions
{
    public float Alpha { get; init; } = 1f;
}
