namespace Classifier.Engine.Trainers;

/// <summary>
/// The result of one binary dual coordinate descent solve.
/// <paramref name="Weights"/> has one entry per feature plus, when a bias value was given, the bias weight last;
/// <paramref name="Alpha"/> is indexed like the row list that was solved; <paramref name="Iterations"/> counts passes.
/// </summary>
public sealed record DualSolution(double[] Weights, double[] Alpha, int Iterations, bool Converged);
