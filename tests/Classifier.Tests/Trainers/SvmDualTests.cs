using Classifier.Engine.Data;
using Classifier.Engine.Trainers;

namespace Classifier.Tests.Trainers;

public sealed class SvmDualTests
{
    private static DualSolution Solve(SparseMatrix x, sbyte[] y, SvmLoss loss, double c, double eps, bool shrinking = true, float bias = 1f, int seed = 1) =>
        DualCoordinateDescent.Solve(x, SvmNbData.Range(x.RowCount), y, null, c, loss, bias, eps, 100000, shrinking, seed);

    /// <summary>
    /// Positives (1,1), (2,3), (3,1); negatives their mirror images. The problem is symmetric under x → −x, so the
    /// (unique) optimum has b = 0, and only (1,1)/(−1,−1) constrain it: min ‖w‖² s.t. w₁ + w₂ ≥ 1 gives w = (½, ½),
    /// margin 1/‖w‖ = √2 = the distance from (1,1) to the line x₁ + x₂ = 0. The others have y·wᵀx = 2.5 and 2.
    /// </summary>
    [Theory]
    [InlineData(SvmLoss.Hinge, 1000.0)]
    [InlineData(SvmLoss.SquaredHinge, 100000.0)]
    public void Large_C_recovers_the_hand_computed_maximum_margin_hyperplane(SvmLoss loss, double c)
    {
        var x = SparseMatrix.FromDense([[1, 1], [2, 3], [3, 1], [-1, -1], [-2, -3], [-3, -1]]);
        sbyte[] y = [1, 1, 1, -1, -1, -1];
        var s = Solve(x, y, loss, c, 1e-8);
        Assert.True(s.Converged);
        Assert.Equal(0.5, s.Weights[0], 1e-2);
        Assert.Equal(0.5, s.Weights[1], 1e-2);
        Assert.Equal(0.0, s.Weights[2], 1e-2);
        // Support vectors: only the two closest points; the dual gives α = ¼ each (w = α·(1,1,1) − α·(−1,−1,1) ⇒ 2α = ½).
        Assert.Equal(0.25, s.Alpha[0], 1e-2);
        Assert.Equal(0.25, s.Alpha[3], 1e-2);
        Assert.Equal(0.0, s.Alpha[1], 1e-6);
        Assert.Equal(0.0, s.Alpha[2], 1e-6);
    }

    /// <summary>
    /// With liblinear's regularised bias the solution is the hard-margin SVM on x̃ = (x, 1):
    /// positive (2,0) and negative (0,0) give w̃₃ ≤ −1 and 2w₁ + w̃₃ ≥ 1, so w = (1, 0), b = −1, α = (½, 3/2);
    /// the extra points (3,1) and (−1,1) sit outside the margin (y·f = 2).
    /// </summary>
    [Fact]
    public void Regularised_bias_matches_the_hand_computed_solution()
    {
        var x = SparseMatrix.FromDense([[2, 0], [3, 1], [0, 0], [-1, 1]]);
        sbyte[] y = [1, 1, -1, -1];
        var s = Solve(x, y, SvmLoss.Hinge, 1000, 1e-8);
        Assert.Equal(1.0, s.Weights[0], 1e-2);
        Assert.Equal(0.0, s.Weights[1], 1e-2);
        Assert.Equal(-1.0, s.Weights[2], 1e-2);
        Assert.Equal(0.5, s.Alpha[0], 1e-2);
        Assert.Equal(1.5, s.Alpha[2], 1e-2);
    }

    [Theory]
    [InlineData(SvmLoss.Hinge, true)]
    [InlineData(SvmLoss.Hinge, false)]
    [InlineData(SvmLoss.SquaredHinge, true)]
    [InlineData(SvmLoss.SquaredHinge, false)]
    public void KKT_conditions_hold_at_the_end_on_a_noisy_problem(SvmLoss loss, bool shrinking)
    {
        var (x, y) = SvmNbData.NoisyBinary(300, 20, seed: 11);
        const double c = 0.5;
        var s = Solve(x, y, loss, c, 1e-5, shrinking);
        Assert.True(s.Converged);

        // w must equal Σ α_i y_i x̃_i (to float precision: the solver keeps w in single precision).
        var w = new double[x.ColumnCount + 1];
        for (int i = 0; i < x.RowCount; i++)
        {
            var row = x.Row(i);
            for (int t = 0; t < row.Count; t++) w[row.Indices[t]] += s.Alpha[i] * y[i] * row.Values[t];
            w[x.ColumnCount] += s.Alpha[i] * y[i];
        }
        for (int j = 0; j < w.Length; j++) Assert.Equal(w[j], s.Weights[j], 1e-4);

        double upper = loss == SvmLoss.Hinge ? c : double.PositiveInfinity;
        double d = loss == SvmLoss.Hinge ? 0 : 0.5 / c;
        int free = 0, atZero = 0, atUpper = 0;
        for (int i = 0; i < x.RowCount; i++)
        {
            double g = y[i] * DualCoordinateDescent.Decision(x, i, s.Weights, 1f) - 1 + d * s.Alpha[i];
            double a = s.Alpha[i];
            Assert.InRange(a, 0, upper);
            if (a == 0) { atZero++; Assert.True(g >= -1e-3, $"α=0 but G={g}"); }
            else if (a == upper) { atUpper++; Assert.True(g <= 1e-3, $"α=U but G={g}"); }
            else { free++; Assert.True(Math.Abs(g) <= 1e-3, $"0<α<U but G={g}"); }
        }
        // The problem is noisy enough that every case of the conditions is exercised.
        Assert.True(free > 0 && atZero > 0);
        if (loss == SvmLoss.Hinge) Assert.True(atUpper > 0);
    }

    [Fact]
    public void Shrinking_reaches_the_same_optimum()
    {
        var (x, y) = SvmNbData.NoisyBinary(300, 20, seed: 12);
        var with = Solve(x, y, SvmLoss.Hinge, 1, 1e-6, shrinking: true);
        var without = Solve(x, y, SvmLoss.Hinge, 1, 1e-6, shrinking: false);
        for (int j = 0; j < with.Weights.Length; j++) Assert.Equal(without.Weights[j], with.Weights[j], 1e-3);
    }

    [Fact]
    public void Solving_a_row_subset_ignores_the_other_rows()
    {
        var (x, y) = SvmNbData.NoisyBinary(200, 10, seed: 13);
        int[] subset = [.. Enumerable.Range(0, 200).Where(i => i % 3 != 0)];
        var viaList = DualCoordinateDescent.Solve(x, subset, y, null, 1, SvmLoss.SquaredHinge, 1f, 1e-6, 100000, true, 1);
        var copy = x.SelectRows(subset);
        var ySub = subset.Select(i => y[i]).ToArray();
        var viaCopy = Solve(copy, ySub, SvmLoss.SquaredHinge, 1, 1e-6);
        for (int j = 0; j < viaList.Weights.Length; j++) Assert.Equal(viaCopy.Weights[j], viaList.Weights[j], 1e-3);
    }
}
