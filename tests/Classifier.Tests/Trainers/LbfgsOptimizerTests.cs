using Classifier.Engine.Optimization;

namespace Classifier.Tests.Trainers;

public class LbfgsOptimizerTests
{
    [Fact]
    public void Minimises_the_rosenbrock_function()
    {
        var optimizer = new LbfgsOptimizer(memory: 10, tolerance: 1e-12, maxIterations: 500);
        var x = new float[] { -1.2f, 1f };
        optimizer.Minimize((p, g) =>
        {
            double a = p[0], b = p[1];
            g[0] = (float)(-2 * (1 - a) - 400 * a * (b - a * a));
            g[1] = (float)(200 * (b - a * a));
            return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
        }, x);
        Assert.Equal(1f, x[0], 0.01f);
        Assert.Equal(1f, x[1], 0.02f);
    }

    [Theory]
    [InlineData(1.0, 2.0)]
    [InlineData(2.5, 0.5)]
    [InlineData(4.0, 0.0)]
    public void Owlqn_solves_a_separable_lasso_exactly_and_leaves_the_unpenalised_tail_alone(double l1, double expected0)
    {
        // f = ½(x0 − 3)² + ½(x1 + 1)², L1 on x0 only: x0 = max(0, 3 − l1), x1 = −1 whatever l1.
        var optimizer = new LbfgsOptimizer(tolerance: 1e-12, maxIterations: 200, l1: l1, l1Count: 1);
        var x = new float[2];
        optimizer.Minimize((p, g) =>
        {
            g[0] = p[0] - 3f;
            g[1] = p[1] + 1f;
            return 0.5 * (p[0] - 3) * (p[0] - 3) + 0.5 * (p[1] + 1) * (p[1] + 1);
        }, x);
        Assert.Equal(expected0, x[0], 1e-4);
        Assert.Equal(-1.0, x[1], 1e-4);
    }
}
