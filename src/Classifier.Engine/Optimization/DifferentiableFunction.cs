namespace Classifier.Engine.Optimization;

/// <summary>A smooth function to minimise: returns f(x) and writes ∇f(x) into <paramref name="gradient"/>.</summary>
/// <param name="x">The point, read only.</param>
/// <param name="gradient">Receives the gradient; same length as <paramref name="x"/>.</param>
public delegate double DifferentiableFunction(ReadOnlySpan<float> x, Span<float> gradient);
