namespace Classifier.Engine.Trainers;

/// <summary>
/// The result of <see cref="DualCoordinateDescent.SolveOneVersusAll"/>: K binary problems solved together.
/// </summary>
/// <param name="Weights">Feature-major: w[j·Stride + c] for feature j and class c, then the bias weights at [n·Stride + c] (when a bias value was given).</param>
/// <param name="ClassCount">K.</param>
/// <param name="Stride">Weights per feature: 1 for one problem, else K rounded up to a multiple of 4 (the padding is zero).</param>
/// <param name="Alpha">α of row p (indexed like the row list that was solved) in problem c at [p·K + c].</param>
/// <param name="Iterations">Passes each problem took.</param>
/// <param name="Converged">Whether each problem met its stopping test within the pass cap.</param>
public sealed record OneVersusAllSolution(float[] Weights, int ClassCount, int Stride, double[] Alpha, int[] Iterations, bool[] Converged);
