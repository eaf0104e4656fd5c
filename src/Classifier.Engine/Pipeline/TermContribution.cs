namespace Classifier.Engine.Pipeline;

/// <summary>An n-gram of the text, its feature value, and how much it added to a class's score.</summary>
public sealed record TermContribution(string Term, string Kind, float Value, float Contribution);
