using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Classifier.Engine.Optimization;

/// <summary>
/// Limited-memory BFGS (Nocedal 1980) and, when <see cref="L1"/> &gt; 0, its orthant-wise variant OWL-QN
/// (Andrew &amp; Gao 2007) for f(x) + L1·Σ_{i&lt;L1Count}|x_i|. Vectors are float (the model is float and the
/// history is the memory hog); scalars are double. Backtracking Armijo line search from step 1 (1/‖d‖ on the first
/// step); curvature pairs with sᵀy ≤ 0 are skipped. Stops like ML.NET: when the mean relative improvement over the
/// last 5 steps falls below <see cref="Tolerance"/>, at <see cref="MaxIterations"/>, or when the line search finds
/// no decrease (the float precision floor). Deterministic: no randomness, the caller's function decides the rest.
/// </summary>
public sealed class LbfgsOptimizer
{
    private const int ImprovementWindow = 5;
    private const double Armijo = 1e-4;
    private const int MaxBacktracks = 40;

    /// <param name="memory">History pairs kept (ML.NET: 20).</param>
    /// <param name="tolerance">Mean relative improvement below which the run stops (ML.NET: 1e-7).</param>
    /// <param name="maxIterations">Upper bound on accepted steps.</param>
    /// <param name="l1">L1 strength; 0 = plain L-BFGS.</param>
    /// <param name="l1Count">The L1 term covers x[0..l1Count) (the trailing biases are left out).</param>
    /// <param name="memoryBudgetBytes">History vectors are capped to this many bytes (fewer pairs on huge models).</param>
    public LbfgsOptimizer(int memory = 20, double tolerance = 1e-7, int maxIterations = 100, double l1 = 0, int l1Count = 0,
        long memoryBudgetBytes = 768L * 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memory, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(l1);
        ArgumentOutOfRangeException.ThrowIfNegative(l1Count);
        Memory = memory;
        Tolerance = tolerance;
        MaxIterations = maxIterations;
        L1 = l1;
        L1Count = l1Count;
        MemoryBudgetBytes = memoryBudgetBytes;
    }

    public int Memory { get; }
    public double Tolerance { get; }
    public int MaxIterations { get; }
    public double L1 { get; }
    public int L1Count { get; }
    public long MemoryBudgetBytes { get; }

    /// <summary>Minimises from <paramref name="x"/> (overwritten with the solution).</summary>
    /// <param name="function">Smooth part f and its gradient.</param>
    /// <param name="x">Starting point in, solution out.</param>
    /// <param name="progress">Receives the fraction of <see cref="MaxIterations"/> done.</param>
    /// <param name="cancellationToken">Checked between iterations.</param>
    public LbfgsResult Minimize(DifferentiableFunction function, float[] x, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var caller = x;
        int n = x.Length;
        int l1Count = Math.Min(L1Count, n);
        bool owl = L1 > 0 && l1Count > 0;
        int memory = (int)Math.Clamp(MemoryBudgetBytes / Math.Max(1L, 8L * n), 1, Memory);

        var g = new float[n];
        var gNew = new float[n];
        var xNew = new float[n];
        var pg = owl ? new float[n] : g;
        var d = new float[n];
        var s = new float[memory][];
        var y = new float[memory][];
        var rho = new double[memory];
        var alpha = new double[memory];
        int stored = 0, newest = -1;

        double f = function(x, g) + L1Term(x, l1Count);
        var history = new Queue<double>();
        history.Enqueue(f);
        int iter = 0;
        string reason = "max-iterations";
        while (iter < MaxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (owl) PseudoGradient(x, g, pg, l1Count);
            double pgNorm = Math.Sqrt(Dot(pg, pg));
            if (pgNorm == 0 || !double.IsFinite(pgNorm))
            {
                reason = "zero-gradient";
                break;
            }

            // Two-loop recursion: d = −H·pg.
            pg.CopyTo(d, 0);
            for (int k = 0, i = newest; k < stored; k++, i = (i - 1 + memory) % memory)
            {
                alpha[i] = rho[i] * Dot(s[i], d);
                TensorPrimitives.MultiplyAdd(y[i], (float)-alpha[i], d, d);
            }
            if (stored > 0)
            {
                double yy = Dot(y[newest], y[newest]);
                TensorPrimitives.Multiply(d, (float)(1.0 / (rho[newest] * yy)), d);
            }
            for (int k = 0, i = (newest - stored + 1 + memory) % memory; k < stored; k++, i = (i + 1) % memory)
            {
                double beta = rho[i] * Dot(y[i], d);
                TensorPrimitives.MultiplyAdd(s[i], (float)(alpha[i] - beta), d, d);
            }
            TensorPrimitives.Negate(d, d);
            if (owl)
                for (int i = 0; i < l1Count; i++)
                    if (d[i] * pg[i] >= 0f) d[i] = 0f;

            double slope = Dot(pg, d);
            if (!(slope < 0))
            {
                // Not a descent direction (stale curvature): restart from steepest descent.
                stored = 0;
                newest = -1;
                TensorPrimitives.Negate(pg, d);
                slope = -pgNorm * pgNorm;
            }

            double step = stored == 0 ? 1.0 / Math.Sqrt(Dot(d, d)) : 1.0;
            double fNew = double.NaN;
            bool accepted = false;
            for (int b = 0; b < MaxBacktracks; b++)
            {
                TensorPrimitives.MultiplyAdd(d, (float)step, x, xNew);
                if (owl)
                    for (int i = 0; i < l1Count; i++)
                    {
                        // Stay in the orthant of x (or of −pg where x is zero): crossing zero stops at zero.
                        float orthant = x[i] != 0f ? x[i] : -pg[i];
                        if (xNew[i] * orthant <= 0f) xNew[i] = 0f;
                    }
                fNew = function(xNew, gNew) + L1Term(xNew, l1Count);
                double expected = owl ? DirectionalChange(pg, xNew, x) : step * slope;
                if (double.IsFinite(fNew) && fNew <= f + Armijo * expected)
                {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted)
            {
                reason = "line-search";
                break;
            }

            newest = (newest + 1) % memory;
            s[newest] ??= new float[n];
            y[newest] ??= new float[n];
            TensorPrimitives.Subtract(xNew, x, s[newest]);
            TensorPrimitives.Subtract(gNew, g, y[newest]);
            double sy = Dot(s[newest], y[newest]);
            if (sy > 1e-20)
            {
                rho[newest] = 1.0 / sy;
                stored = Math.Min(stored + 1, memory);
            }
            else
            {
                // The slot just written held the oldest pair when the ring was full: it is gone either way.
                if (stored == memory) stored--;
                newest = (newest - 1 + memory) % memory;
            }

            (x, xNew) = (xNew, x);
            (g, gNew) = (gNew, g);
            if (!owl) pg = g;
            f = fNew;
            iter++;
            progress?.Report((double)iter / MaxIterations);

            history.Enqueue(f);
            if (history.Count > ImprovementWindow)
            {
                double old = history.Dequeue();
                double meanImprovement = (old - f) / ImprovementWindow / Math.Max(Math.Abs(f), 1e-300);
                if (meanImprovement < Tolerance)
                {
                    reason = "converged";
                    break;
                }
            }
        }

        // The swaps may have left the solution in the scratch array: hand it back in the caller's array.
        if (!ReferenceEquals(x, caller)) x.CopyTo(caller, 0);
        return new LbfgsResult(f, iter, reason);
    }

    private double L1Term(ReadOnlySpan<float> x, int count)
    {
        if (L1 <= 0 || count == 0) return 0;
        double sum = 0;
        foreach (var v in x[..count]) sum += Math.Abs(v);
        return L1 * sum;
    }

    /// <summary>OWL-QN's pseudo-gradient: the minimum-norm subgradient of f + L1·|x| over the penalised part.</summary>
    private void PseudoGradient(float[] x, float[] g, float[] pg, int count)
    {
        float l1 = (float)L1;
        for (int i = 0; i < count; i++)
        {
            float xi = x[i], gi = g[i];
            if (xi > 0f) pg[i] = gi + l1;
            else if (xi < 0f) pg[i] = gi - l1;
            else if (gi + l1 < 0f) pg[i] = gi + l1;
            else if (gi - l1 > 0f) pg[i] = gi - l1;
            else pg[i] = 0f;
        }
        Array.Copy(g, count, pg, count, g.Length - count);
    }

    private static double DirectionalChange(float[] pg, float[] xNew, float[] x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += (double)pg[i] * (xNew[i] - x[i]);
        return sum;
    }

    /// <summary>Dot product accumulated in double: the history recursion is sensitive to cancellation.</summary>
    private static double Dot(float[] a, float[] b)
    {
        if (a.Length != b.Length) throw new ArgumentException("vectors differ in length.");
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Lane L of the accumulator sums the elements i ≡ L (mod 4) in order, exactly as the four scalar sums below
            // do, so the result is bit-identical to the scalar loop, only without its four conversions per step.
            ref float ra = ref MemoryMarshal.GetArrayDataReference(a);
            ref float rb = ref MemoryMarshal.GetArrayDataReference(b);
            var acc = Vector256<double>.Zero;
            for (; i + 3 < a.Length; i += 4)
            {
                var va = Vector256.WidenLower(Vector128.LoadUnsafe(ref ra, (nuint)i).ToVector256Unsafe());
                var vb = Vector256.WidenLower(Vector128.LoadUnsafe(ref rb, (nuint)i).ToVector256Unsafe());
                acc += va * vb;
            }
            s0 = acc.GetElement(0);
            s1 = acc.GetElement(1);
            s2 = acc.GetElement(2);
            s3 = acc.GetElement(3);
        }
        for (; i + 3 < a.Length; i += 4)
        {
            s0 += (double)a[i] * b[i];
            s1 += (double)a[i + 1] * b[i + 1];
            s2 += (double)a[i + 2] * b[i + 2];
            s3 += (double)a[i + 3] * b[i + 3];
        }
        for (; i < a.Length; i++) s0 += (double)a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }
}
