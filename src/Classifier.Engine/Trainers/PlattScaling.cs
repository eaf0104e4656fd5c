namespace Classifier.Engine.Trainers;

/// <summary>
/// Platt's sigmoid P(y = +1 | f) = 1 / (1 + exp(A·f + B)) fitted by the improved algorithm of Lin, Lin and Weng,
/// "A note on Platt's probabilistic outputs for support vector machines" (Machine Learning, 2007): Newton's method
/// with a backtracking line search on the cross-entropy against Platt's prior-corrected targets
/// t₊ = (N₊ + 1)/(N₊ + 2), t₋ = 1/(N₋ + 2), evaluated in a form that cannot overflow.
/// Example weights scale each term and the counts N₊, N₋ (with weights all 1 it is exactly the paper's algorithm).
/// A is negative when larger decision values mean the positive class.
/// </summary>
public static class PlattScaling
{
    private const int MaxIterations = 100;
    private const double MinStep = 1e-10;
    private const double Sigma = 1e-12; // keeps the Hessian positive definite
    private const double Tolerance = 1e-5;

    /// <param name="decisions">Decision values f_i.</param>
    /// <param name="positive">Whether example i belongs to the positive class.</param>
    /// <param name="weights">Per-example weights, or empty for all 1.</param>
    public static (double A, double B) Fit(ReadOnlySpan<double> decisions, ReadOnlySpan<bool> positive, ReadOnlySpan<float> weights = default)
    {
        if (positive.Length != decisions.Length || (!weights.IsEmpty && weights.Length != decisions.Length))
            throw new ArgumentException("decisions, labels and weights must have the same length");
        double prior1 = 0, prior0 = 0;
        for (int i = 0; i < decisions.Length; i++)
        {
            double wi = weights.IsEmpty ? 1.0 : weights[i];
            if (positive[i]) prior1 += wi; else prior0 += wi;
        }
        double hiTarget = (prior1 + 1.0) / (prior1 + 2.0);
        double loTarget = 1.0 / (prior0 + 2.0);

        double a = 0.0, b = Math.Log((prior0 + 1.0) / (prior1 + 1.0));
        double fval = Objective(decisions, positive, weights, hiTarget, loTarget, a, b);
        for (int iter = 0; iter < MaxIterations; iter++)
        {
            double h11 = Sigma, h22 = Sigma, h21 = 0, g1 = 0, g2 = 0;
            for (int i = 0; i < decisions.Length; i++)
            {
                double wi = weights.IsEmpty ? 1.0 : weights[i];
                double f = decisions[i];
                double fApB = f * a + b;
                double p, q; // p = P(+|f), q = 1 − p
                if (fApB >= 0) { double e = Math.Exp(-fApB); p = e / (1.0 + e); q = 1.0 / (1.0 + e); }
                else { double e = Math.Exp(fApB); p = 1.0 / (1.0 + e); q = e / (1.0 + e); }
                double d2 = wi * p * q;
                h11 += f * f * d2;
                h22 += d2;
                h21 += f * d2;
                double t = positive[i] ? hiTarget : loTarget;
                double d1 = wi * (t - p);
                g1 += f * d1;
                g2 += d1;
            }
            if (Math.Abs(g1) < Tolerance && Math.Abs(g2) < Tolerance) break;

            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;

            double step = 1.0;
            while (step >= MinStep)
            {
                double newA = a + step * dA, newB = b + step * dB;
                double newF = Objective(decisions, positive, weights, hiTarget, loTarget, newA, newB);
                if (newF < fval + 1e-4 * step * gd)
                {
                    a = newA; b = newB; fval = newF;
                    break;
                }
                step /= 2.0;
            }
            if (step < MinStep) break; // the line search failed: the current point is as good as it gets
        }
        return (a, b);
    }

    /// <summary>P(y = +1 | f) for fitted parameters.</summary>
    /// <param name="decision">Decision value f.</param>
    /// <param name="a">Slope A.</param>
    /// <param name="b">Offset B.</param>
    public static double Probability(double decision, double a, double b)
    {
        double fApB = decision * a + b;
        return fApB >= 0 ? Math.Exp(-fApB) / (1.0 + Math.Exp(-fApB)) : 1.0 / (1.0 + Math.Exp(fApB));
    }

    private static double Objective(ReadOnlySpan<double> decisions, ReadOnlySpan<bool> positive, ReadOnlySpan<float> weights,
        double hiTarget, double loTarget, double a, double b)
    {
        double sum = 0;
        for (int i = 0; i < decisions.Length; i++)
        {
            double wi = weights.IsEmpty ? 1.0 : weights[i];
            double t = positive[i] ? hiTarget : loTarget;
            double fApB = decisions[i] * a + b;
            sum += wi * (fApB >= 0 ? t * fApB + Math.Log(1.0 + Math.Exp(-fApB)) : (t - 1.0) * fApB + Math.Log(1.0 + Math.Exp(fApB)));
        }
        return sum;
    }
}
