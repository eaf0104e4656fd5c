namespace Classifier.Engine.Optimization;

/// <summary>What <see cref="LbfgsOptimizer.Minimize"/> reached.</summary>
/// <param name="Value">Objective at the returned point, L1 term included.</param>
/// <param name="Iterations">Accepted steps.</param>
/// <param name="StopReason">converged, max-iterations, zero-gradient or line-search (no further decrease found).</param>
public sealed record LbfgsResult(double Value, int Iterations, string StopReason);
