using Classifier.Engine.Trainers;

namespace Classifier.Tests.Trainers;

public sealed class SvmPlattTests
{
    [Fact]
    public void Fitted_slope_is_negative_and_probabilities_rise_with_the_decision_value()
    {
        var (x, y) = SvmNbData.NoisyBinary(400, 20, seed: 21);
        var s = DualCoordinateDescent.Solve(x, SvmNbData.Range(x.RowCount), y, null, 1, SvmLoss.SquaredHinge, 1f, 0.1, 1000, true, 1);
        var f = new double[x.RowCount];
        var positive = new bool[x.RowCount];
        for (int i = 0; i < f.Length; i++)
        {
            f[i] = DualCoordinateDescent.Decision(x, i, s.Weights, 1f);
            positive[i] = y[i] > 0;
        }
        var (a, b) = PlattScaling.Fit(f, positive);
        Assert.True(a < 0, $"A = {a}");
        double previous = 0;
        for (double d = -5; d <= 5; d += 0.25)
        {
            double p = PlattScaling.Probability(d, a, b);
            Assert.InRange(p, 0, 1);
            Assert.True(p > previous, $"P({d}) = {p} does not exceed {previous}");
            previous = p;
        }
    }

    [Fact]
    public void Fit_reaches_the_stationary_point_of_the_regularised_cross_entropy()
    {
        var rng = new Random(3);
        int n = 500;
        var f = new double[n];
        var positive = new bool[n];
        for (int i = 0; i < n; i++)
        {
            f[i] = rng.NextDouble() * 6 - 3;
            positive[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-2 * f[i] + 0.5)); // true A = −2, B = 0.5
        }
        var (a, b) = PlattScaling.Fit(f, positive);
        Assert.InRange(a, -2.6, -1.5);
        Assert.InRange(b, 0.1, 0.9);

        // The gradient against Platt's targets vanishes at the returned point.
        double n1 = positive.Count(p => p), n0 = n - n1;
        double hi = (n1 + 1) / (n1 + 2), lo = 1 / (n0 + 2);
        double g1 = 0, g2 = 0;
        for (int i = 0; i < n; i++)
        {
            double d = (positive[i] ? hi : lo) - PlattScaling.Probability(f[i], a, b);
            g1 += f[i] * d;
            g2 += d;
        }
        Assert.True(Math.Abs(g1) < 1e-4 && Math.Abs(g2) < 1e-4, $"gradient ({g1}, {g2})");
    }

    [Fact]
    public void Example_weights_act_as_repetitions()
    {
        double[] f = [-2, -1, -0.5, 0.2, 0.4, 1, 1.5, 3];
        bool[] pos = [false, false, true, false, true, true, false, true];
        float[] w = [1, 2, 1, 1, 3, 1, 1, 2];
        var rf = new List<double>();
        var rp = new List<bool>();
        for (int i = 0; i < f.Length; i++)
            for (int r = 0; r < w[i]; r++) { rf.Add(f[i]); rp.Add(pos[i]); }
        var (a1, b1) = PlattScaling.Fit(f, pos, w);
        var (a2, b2) = PlattScaling.Fit([.. rf], [.. rp]);
        Assert.Equal(a2, a1, 1e-6);
        Assert.Equal(b2, b1, 1e-6);
    }
}
