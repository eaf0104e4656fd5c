namespace Classifier.Engine.Pipeline;

/// <summary>An n-gram of the text and how much it pushed a class's score (value × weight).</summary>
public sealed record TermContribution(string Term, string Kind, float Value, float Weight)
{
    public float Contribution => Value * Weight;
}
