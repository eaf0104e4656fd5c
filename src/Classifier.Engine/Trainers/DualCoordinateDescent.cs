using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Classifier.Engine.Data;

namespace Classifier.Engine.Trainers;

/// <summary>
/// Dual coordinate descent for the L2-regularised linear SVM, Algorithm 1 of Hsieh, Chang, Lin, Keerthi and
/// Sundararajan, "A Dual Coordinate Descent Method for Large-scale Linear SVM" (ICML 2008), with the shrinking of
/// its §3.2 — the method behind liblinear's solvers 1 and 3.
/// <para>
/// Dual: min_α ½ αᵀQ̄α − eᵀα subject to 0 ≤ α_i ≤ U_i, with Q̄ = Q + D, Q_ij = y_i y_j x̃_iᵀx̃_j and x̃ = (x, B).
/// Hinge loss: U_i = C_i, D_ii = 0. Squared hinge: U_i = ∞, D_ii = 1/(2·C_i). C_i = C·(example weight).
/// The primal weights w = Σ α_i y_i x̃_i are kept up to date so each coordinate step costs O(nnz(x_i)).
/// </para>
/// <para>
/// <see cref="SolveOneVersusAll"/> solves the K binary problems of one-versus-all together: they share the rows, the
/// box and Q̄_ii, and differ only in y. Each visit of a row gathers the K weights of each of its features from one
/// place (w is stored feature-major, K per feature) and takes a coordinate step in every problem still active on that
/// row, so a pass costs about one binary pass instead of K (the gathers from a w of megabytes dominate a pass). Each
/// problem keeps its own shrinking state and stopping test, exactly as if solved alone; only the visiting order
/// (one seeded permutation per pass, shared) differs from K separate runs.
/// </para>
/// </summary>
public static class DualCoordinateDescent
{
    /// <summary>One binary problem: <see cref="SolveOneVersusAll"/> with K = 1.</summary>
    /// <param name="features">The examples (CSR).</param>
    /// <param name="rows">Which rows of <paramref name="features"/> take part; α is indexed like this list.</param>
    /// <param name="y">+1 or −1 for every row of <paramref name="features"/> (indexed by matrix row).</param>
    /// <param name="exampleWeights">Per matrix row weight scaling C, or null for all 1. Rows of weight 0 keep α = 0.</param>
    /// <param name="c">The cost C.</param>
    /// <param name="loss">Hinge or squared hinge.</param>
    /// <param name="bias">Value B of the constant extra feature; 0 = no bias weight.</param>
    /// <param name="epsilon">Stop when max PG − min PG over a full pass is at most this.</param>
    /// <param name="maxIterations">Cap on passes.</param>
    /// <param name="shrinking">Whether to drop variables that look stuck at a bound.</param>
    /// <param name="seed">Seeds the permutation drawn before each pass.</param>
    /// <param name="cancellationToken">Checked once per pass.</param>
    public static DualSolution Solve(SparseMatrix features, ReadOnlySpan<int> rows, ReadOnlySpan<sbyte> y,
        float[]? exampleWeights, double c, SvmLoss loss, float bias, double epsilon, int maxIterations, bool shrinking,
        int seed, CancellationToken cancellationToken = default)
    {
        var labels = new int[y.Length];
        for (int i = 0; i < labels.Length; i++) labels[i] = y[i] > 0 ? 0 : -1;
        var s = SolveOneVersusAll(features, rows, labels, 1, exampleWeights, c, loss, bias, epsilon, maxIterations, shrinking, seed, cancellationToken);
        var weights = new double[s.Weights.Length];
        for (int j = 0; j < weights.Length; j++) weights[j] = s.Weights[j];
        return new DualSolution(weights, s.Alpha, s.Iterations[0], s.Converged[0]);
    }

    /// <summary>
    /// The K binary problems "class c against the rest" (y_i = +1 where <c>labels[i]</c> = c, else −1; labels are
    /// indexed by matrix row, and a value outside [0, K) is negative in every problem), solved together (see the class
    /// remarks); the other parameters are <see cref="Solve"/>'s. Weights come back feature-major (see
    /// <see cref="OneVersusAllSolution.Weights"/>).
    /// </summary>
    public static OneVersusAllSolution SolveOneVersusAll(SparseMatrix features, ReadOnlySpan<int> rows, ReadOnlySpan<int> labels, int classCount,
        float[]? exampleWeights, double c, SvmLoss loss, float bias, double epsilon, int maxIterations, bool shrinking,
        int seed, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(c);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        int n = features.ColumnCount, k = classCount;
        // K > 1: each feature's K weights padded to a multiple of 4, so a gather and an update are one or two SIMD
        // multiply-adds (the kernels sdca uses); the padding lanes stay zero.
        int stride = k == 1 ? 1 : Optimization.RowKernels.Stride(k);
        bool hasBias = bias > 0f;
        double b = bias;
        // w in single precision (liblinear uses double): random access into w dominates each pass and halving it made
        // passes about 25% faster (30k rows × 1000 non-zeros); dot products still accumulate in double, and results
        // match liblinear (via scikit-learn) to 1e-3. α, the gradients and the box stay in double.
        var w = new float[checked((n + (hasBias ? 1 : 0)) * stride)];
        int l = rows.Length;
        var alpha = new double[(long)l * k];
        var upper = new double[l];
        var diag = new double[l];
        var qbar = new double[l];
        var index = new int[l];
        int[] starts = features.RowStarts, indices = features.Indices;
        Half[] stored = features.Values;
        // One row widened to float per visit (see SparseMatrix): the dot products and the updates all read it.
        var values = new float[features.MaxRowLength];

        // Examples with C_i = 0 cannot move (hinge: U_i = 0; squared hinge: D_ii = ∞), so they never enter the active set.
        int total = 0;
        for (int p = 0; p < l; p++)
        {
            int r = rows[p];
            double ci = c * (exampleWeights is null ? 1.0 : exampleWeights[r]);
            if (!(ci > 0)) continue;
            int rowStart = starts[r], rowEnd = starts[r + 1];
            // The passes below index without bounds checks, so every index they will use is checked here once.
            if (rowStart < 0 || rowEnd < rowStart || rowEnd > indices.Length)
                throw new ArgumentException($"row {r} has an invalid extent [{rowStart}, {rowEnd})", nameof(features));
            double q = hasBias ? b * b : 0.0;
            for (int t = rowStart; t < rowEnd; t++)
            {
                if ((uint)indices[t] >= (uint)n) throw new ArgumentException($"row {r} has feature {indices[t]} outside [0, {n})", nameof(features));
                double v = (double)stored[t];
                q += v * v;
            }
            if (loss == SvmLoss.Hinge) { upper[p] = ci; diag[p] = 0; }
            else { upper[p] = double.PositiveInfinity; diag[p] = 0.5 / ci; }
            qbar[p] = q + diag[p];
            if (qbar[p] <= 0) continue; // an empty row without bias: its coordinate has no curvature and never changes w
            index[total++] = p;
        }

        // Per problem: which of the index entries are still active (shrinking), how many, the previous pass's spread.
        var active = new bool[(long)total * k];
        Array.Fill(active, true);
        var activeCount = new int[k];
        Array.Fill(activeCount, total);
        var pgMaxOld = new double[k];
        var pgMinOld = new double[k];
        Array.Fill(pgMaxOld, double.PositiveInfinity);
        Array.Fill(pgMinOld, double.NegativeInfinity);
        var pgMaxNew = new double[k];
        var pgMinNew = new double[k];
        var done = new bool[k];
        var converged = new bool[k];
        var iterations = new int[k];
        var dots = new float[stride];
        var steps = new float[stride];
        int remaining = k;

        var rng = new Random(seed);
        int iteration = 0;
        while (remaining > 0 && iteration < maxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Fill(pgMaxNew, double.NegativeInfinity);
            Array.Fill(pgMinNew, double.PositiveInfinity);
            // Shuffle the index together with its active flags, so each slot's flags follow its row.
            for (int s = 0; s < total - 1; s++)
            {
                int o = s + rng.Next(total - s);
                (index[s], index[o]) = (index[o], index[s]);
                for (int cls = 0; cls < k; cls++)
                    (active[(long)s * k + cls], active[(long)o * k + cls]) = (active[(long)o * k + cls], active[(long)s * k + cls]);
            }

            for (int s = 0; s < total; s++)
            {
                long slot = (long)s * k;
                bool any = false;
                for (int cls = 0; cls < k; cls++) any |= !done[cls] && active[slot + cls];
                if (!any) continue;
                int p = index[s];
                int r = rows[p];
                int start = starts[r], end = starts[r + 1];
                TensorPrimitives.ConvertToSingle(stored.AsSpan(start, end - start), values);
                SparseDots(w, stride, indices, values, start, end, dots);

                bool moved = false;
                for (int cls = 0; cls < k; cls++)
                {
                    steps[cls] = 0f;
                    if (done[cls] || !active[slot + cls]) continue;
                    double yi = labels[r] == cls ? 1.0 : -1.0;
                    double dot = dots[cls] + (hasBias ? w[(long)n * stride + cls] * b : 0.0);
                    long at = (long)p * k + cls;

                    // G = ∇_i f(α) = y_i wᵀx̃_i − 1 + D_ii α_i
                    double ai = alpha[at], ui = upper[p];
                    double g = yi * dot - 1.0 + diag[p] * ai;

                    // Projected gradient, and shrinking against the previous pass's spread (Hsieh et al. §3.2, as liblinear).
                    double pg = 0.0;
                    if (ai == 0.0)
                    {
                        if (shrinking && g > pgMaxOld[cls]) { active[slot + cls] = false; activeCount[cls]--; continue; }
                        if (g < 0.0) pg = g;
                    }
                    else if (ai == ui)
                    {
                        if (shrinking && g < pgMinOld[cls]) { active[slot + cls] = false; activeCount[cls]--; continue; }
                        if (g > 0.0) pg = g;
                    }
                    else pg = g;

                    if (pg > pgMaxNew[cls]) pgMaxNew[cls] = pg;
                    if (pg < pgMinNew[cls]) pgMinNew[cls] = pg;

                    if (Math.Abs(pg) > 1e-12)
                    {
                        // α_i ← min(max(α_i − G/Q̄_ii, 0), U_i);  w ← w + (α_i − ᾱ_i)·y_i·x̃_i
                        double next = Math.Min(Math.Max(ai - g / qbar[p], 0.0), ui);
                        alpha[at] = next;
                        double step = (next - ai) * yi;
                        steps[cls] = (float)step;
                        if (hasBias) w[(long)n * stride + cls] = (float)(w[(long)n * stride + cls] + step * b);
                        moved = true;
                    }
                }
                if (moved) SparseAxpys(steps, stride, indices, values, start, end, w);
            }

            iteration++;
            for (int cls = 0; cls < k; cls++)
            {
                if (done[cls]) continue;
                iterations[cls] = iteration;
                // An empty active set leaves the spread at −∞, which also lands here and re-checks everything.
                if (pgMaxNew[cls] - pgMinNew[cls] <= epsilon)
                {
                    if (activeCount[cls] == total) { done[cls] = converged[cls] = true; remaining--; continue; }
                    // Converged on the shrunk set: re-check every variable before stopping.
                    for (int s = 0; s < total; s++) active[(long)s * k + cls] = true;
                    activeCount[cls] = total;
                    pgMaxOld[cls] = double.PositiveInfinity;
                    pgMinOld[cls] = double.NegativeInfinity;
                    continue;
                }
                pgMaxOld[cls] = pgMaxNew[cls] <= 0 ? double.PositiveInfinity : pgMaxNew[cls];
                pgMinOld[cls] = pgMinNew[cls] >= 0 ? double.NegativeInfinity : pgMinNew[cls];
            }
        }
        return new OneVersusAllSolution(w, k, stride, alpha, iterations, converged);
    }

    // Hot loops of every pass: indices were validated against w's length before the first pass. values holds the
    // row's widened values: values[u] goes with indices[start + u]. Every byref stays inside its array (one pointing
    // before or past an array is a GC hole: a compacting collection would not move it with the array). One problem:
    // a double sum in two chains that hide the latency of the gathered loads. Several: float sums, one SIMD
    // multiply-add per feature block.
    private static void SparseDots(float[] w, int stride, int[] indices, float[] values, int start, int end, float[] dots)
    {
        int length = end - start;
        Array.Clear(dots);
        if (length == 0) return;
        ref float w0 = ref MemoryMarshal.GetArrayDataReference(w);
        ref int i0 = ref indices[start];
        ref float v0 = ref MemoryMarshal.GetArrayDataReference(values);
        if (stride == 1)
        {
            double even = 0.0, odd = 0.0;
            int u = 0;
            for (; u + 1 < length; u += 2)
            {
                even += Unsafe.Add(ref w0, Unsafe.Add(ref i0, u)) * Unsafe.Add(ref v0, u);
                odd += Unsafe.Add(ref w0, Unsafe.Add(ref i0, u + 1)) * Unsafe.Add(ref v0, u + 1);
            }
            if (u < length) even += Unsafe.Add(ref w0, Unsafe.Add(ref i0, u)) * Unsafe.Add(ref v0, u);
            dots[0] = (float)(even + odd);
            return;
        }
        for (int u = 0; u < length; u++)
            Optimization.RowKernels.AddScaled(dots, w, Unsafe.Add(ref i0, u) * stride, Unsafe.Add(ref v0, u), stride);
    }

    private static void SparseAxpys(float[] steps, int stride, int[] indices, float[] values, int start, int end, float[] w)
    {
        int length = end - start;
        if (length == 0) return;
        ref float w0 = ref MemoryMarshal.GetArrayDataReference(w);
        ref int i0 = ref indices[start];
        ref float v0 = ref MemoryMarshal.GetArrayDataReference(values);
        if (stride == 1)
        {
            float s = steps[0];
            for (int u = 0; u < length; u++) Unsafe.Add(ref w0, Unsafe.Add(ref i0, u)) += s * Unsafe.Add(ref v0, u);
            return;
        }
        for (int u = 0; u < length; u++)
            Optimization.RowKernels.ScatterScaled(w, Unsafe.Add(ref i0, u) * stride, steps, Unsafe.Add(ref v0, u), stride);
    }

    /// <summary>wᵀx̃ for one matrix row (bias included when <paramref name="bias"/> &gt; 0).</summary>
    /// <param name="features">The examples.</param>
    /// <param name="row">Matrix row.</param>
    /// <param name="w">Weights as returned by <see cref="Solve"/>.</param>
    /// <param name="bias">The bias value the weights were solved with.</param>
    public static double Decision(SparseMatrix features, int row, ReadOnlySpan<double> w, float bias)
    {
        int n = features.ColumnCount;
        double dot = bias > 0f ? w[n] * bias : 0.0;
        int[] indices = features.Indices;
        Half[] values = features.Values;
        for (int t = features.RowStarts[row]; t < features.RowStarts[row + 1]; t++) dot += w[indices[t]] * (double)values[t];
        return dot;
    }

    /// <summary>w_cᵀx̃ of one matrix row for every class c of a <see cref="SolveOneVersusAll"/> solution, into <paramref name="decisions"/>.</summary>
    public static void Decisions(SparseMatrix features, int row, OneVersusAllSolution solution, float bias, Span<double> decisions)
    {
        int n = features.ColumnCount, k = solution.ClassCount, stride = solution.Stride;
        var w = solution.Weights;
        for (int cls = 0; cls < k; cls++) decisions[cls] = bias > 0f ? w[(long)n * stride + cls] * (double)bias : 0.0;
        int[] indices = features.Indices;
        Half[] values = features.Values;
        for (int t = features.RowStarts[row]; t < features.RowStarts[row + 1]; t++)
        {
            long j = (long)indices[t] * stride;
            double v = (double)values[t];
            for (int cls = 0; cls < k; cls++) decisions[cls] += w[j + cls] * v;
        }
    }
}
