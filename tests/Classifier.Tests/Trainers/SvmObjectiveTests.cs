using Classifier.Engine.Trainers;

namespace Classifier.Tests.Trainers;

/// <summary>
/// Finite-difference checks at the solutions: a converged solver leaves the primal objective's gradient at zero,
/// so every central difference of the objective there must vanish (to the solver's tolerance).
/// </summary>
public sealed class SvmObjectiveTests
{
    [Fact]
    public void Squared_hinge_primal_is_flat_at_the_dual_solution()
    {
        var (x, y) = SvmNbData.NoisyBinary(200, 12, seed: 5);
        int[] rows = [.. Enumerable.Range(0, x.RowCount)];
        const double c = 0.5;
        const float bias = 1f;
        var solution = DualCoordinateDescent.Solve(x, rows, y, null, c, SvmLoss.SquaredHinge, bias, 1e-6, 5000, shrinking: false, seed: 1);
        Assert.True(solution.Converged);
        var w = solution.Weights;

        // P(w) = ½‖w‖² + C Σ max(0, 1 − y_i (wᵀx_i + w_b·B))², the bias weight regularised as liblinear does.
        double Primal(double[] v)
        {
            double p = 0;
            foreach (var wj in v) p += 0.5 * wj * wj;
            for (int i = 0; i < x.RowCount; i++)
            {
                var row = x.Row(i);
                double f = v[^1] * bias;
                for (int t = 0; t < row.Indices.Length; t++) f += v[row.Indices[t]] * row.Values[t];
                double slack = Math.Max(0, 1 - y[i] * f);
                p += c * slack * slack;
            }
            return p;
        }

        const double h = 1e-5;
        for (int j = 0; j < w.Length; j++)
        {
            var plus = (double[])w.Clone();
            var minus = (double[])w.Clone();
            plus[j] += h;
            minus[j] -= h;
            double derivative = (Primal(plus) - Primal(minus)) / (2 * h);
            Assert.True(Math.Abs(derivative) < 1e-2, $"∂P/∂w_{j} = {derivative}");
        }
    }

    [Fact]
    public void Platt_fit_is_a_stationary_point_of_its_regularised_likelihood()
    {
        var random = new Random(3);
        var f = new double[300];
        var positive = new bool[300];
        for (int i = 0; i < f.Length; i++)
        {
            positive[i] = i % 3 == 0;
            f[i] = (positive[i] ? 1.0 : -1.0) + 1.2 * (random.NextDouble() * 2 - 1);
        }
        var (a, b) = PlattScaling.Fit(f, positive);

        // Platt (1999) with Lin et al.'s targets: t = (N+ + 1)/(N+ + 2) for positives, 1/(N− + 2) for negatives.
        double nPos = positive.Count(p => p), nNeg = f.Length - nPos;
        double Nll(double pa, double pb)
        {
            double sum = 0;
            for (int i = 0; i < f.Length; i++)
            {
                double t = positive[i] ? (nPos + 1) / (nPos + 2) : 1 / (nNeg + 2);
                double p = PlattScaling.Probability(f[i], pa, pb);
                sum -= t * Math.Log(p) + (1 - t) * Math.Log(1 - p);
            }
            return sum;
        }

        const double h = 1e-6;
        Assert.True(a < 0);
        Assert.True(Math.Abs((Nll(a + h, b) - Nll(a - h, b)) / (2 * h)) < 1e-3);
        Assert.True(Math.Abs((Nll(a, b + h) - Nll(a, b - h)) / (2 * h)) < 1e-3);
    }
}
