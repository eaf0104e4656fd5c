namespace Classifier.Engine.Trainers;

public sealed record NaiveBayesOptions
{
    /// <summary>Additive (Lidstone) smoothing added to every feature count; 1 = Laplace.</summary>
    public float Alpha { get; init; } = 1f;

    /// <summary>Event model; see <see cref="NaiveBayesVariant"/>.</summary>
    public NaiveBayesVariant Variant { get; init; } = NaiveBayesVariant.Multinomial;
}
