using Classifier.Engine.Data;

namespace Classifier.Engine.Optimization;

/// <summary>
/// The L2-regularised multinomial logistic (softmax cross-entropy) objective, in ML.NET's scaling:
/// <code>f(θ) = ( Σ_i s_i·[logΣ_c exp(z_ic) − z_i,y_i] + (l2/2)·‖W‖² ) / Σ_i s_i</code>
/// with z_ic = b_c + Σ_j x_ij·W[j, c] and s_i the example weight. Biases are not penalised.
/// Parameters θ are laid out as the compact feature-major weights (<c>W[m·Stride + c]</c> for compact column m,
/// Stride = K rounded up to a multiple of 4 for SIMD, padding lanes always zero) followed by the K biases. Columns that never occur in the data can be dropped through
/// <see cref="ColumnMap"/> (original column → compact column, −1 for absent): their gradient is always zero,
/// so optimising over them would only waste memory.
/// </summary>
/// <remarks>
/// Rows are split into a number of chunks that depends only on the data shape (never on the thread count);
/// each chunk accumulates into its own buffer and the buffers are summed in chunk order, so the value and the
/// gradient are bit-identical whatever the degree of parallelism.
/// </remarks>
public sealed class SoftmaxObjective
{
    private const long ChunkBufferBudget = 48L * 1024 * 1024; // floats across all private gradient buffers
    private readonly int[] _chunkStarts;
    private readonly float[][] _chunkGradients;
    private readonly double[] _chunkLosses;
    private readonly int[]? _compactIndices;
    private float[]? _thetaCopy;

    // The compact column of every non-zero, looked up once instead of on each of the two passes of every evaluation
    // (the feature-sized map misses the cache); beyond 64 M non-zeros (256 MB of indices) the copy costs more memory than it saves time.
    private const long CompactIndexBudget = 64L * 1024 * 1024;

    /// <param name="data">Training rows, labels and optional example weights.</param>
    /// <param name="columnMap">Original column → compact column (−1 when absent), or null for the identity.</param>
    /// <param name="compactColumnCount">Number of compact columns (the column count when the map is null).</param>
    /// <param name="l2">L2 strength before the 1/Σs scaling; biases are not penalised.</param>
    /// <param name="chunkCount">Row chunks evaluated in parallel; null = from the data shape (never from the thread count).</param>
    public SoftmaxObjective(TrainingSet data, int[]? columnMap, int compactColumnCount, double l2, int? chunkCount = null)
    {
        Data = data;
        ColumnMap = columnMap;
        CompactColumnCount = compactColumnCount;
        ClassCount = data.ClassCount;
        Stride = RowKernels.Stride(ClassCount);
        L2 = l2;
        double sum = 0;
        for (int i = 0; i < data.RowCount; i++) sum += data.WeightOf(i);
        WeightSum = sum;
        int n = data.RowCount;
        long paramCount = ParameterCount;
        int chunks = chunkCount is { } fixedChunks ? Math.Clamp(fixedChunks, 1, Math.Max(1, n)) : (int)Math.Clamp(Math.Min(n / 2048, 8), 1, Math.Max(1, ChunkBufferBudget / Math.Max(1, paramCount) + 1));
        _chunkStarts = new int[chunks + 1];
        for (int c = 0; c <= chunks; c++) _chunkStarts[c] = (int)((long)n * c / chunks);
        _chunkGradients = new float[chunks][];
        for (int c = 0; c < chunks && chunks > 1; c++) _chunkGradients[c] = new float[paramCount];
        _chunkLosses = new double[chunks];
        long nnz = data.Features.NonZeroCount;
        if (columnMap is not null && nnz <= CompactIndexBudget)
        {
            var idx = data.Features.Indices;
            _compactIndices = new int[nnz];
            for (long t = 0; t < nnz; t++) _compactIndices[t] = columnMap[idx[t]];
        }
    }

    public TrainingSet Data { get; }
    public int[]? ColumnMap { get; }
    public int CompactColumnCount { get; }
    public int ClassCount { get; }

    /// <summary>Distance between consecutive columns' weight blocks in θ (K rounded up to a multiple of 4).</summary>
    public int Stride { get; }
    public double L2 { get; }
    public double WeightSum { get; }
    public int ParameterCount => CompactColumnCount * Stride + ClassCount;

    /// <summary>Number of penalised parameters at the start of θ (everything except the trailing biases).</summary>
    public int PenalisedCount => CompactColumnCount * Stride;

    /// <summary>Builds the compact map of the columns that hold at least one non-zero value.</summary>
    public static int[] BuildColumnMap(SparseMatrix features, out int compactCount)
    {
        var map = new int[features.ColumnCount];
        var idx = features.Indices;
        var val = features.Values;
        long nnz = features.NonZeroCount;
        for (long t = 0; t < nnz; t++)
            if (val[t] != Half.Zero) map[idx[t]] = 1;
        int m = 0;
        for (int j = 0; j < map.Length; j++) map[j] = map[j] != 0 ? m++ : -1;
        compactCount = m;
        return map;
    }

    /// <summary>
    /// Value of the objective at θ, writing ∂f/∂θ into <paramref name="gradient"/>. Thread-safe only for one
    /// caller at a time (the chunk buffers are reused).
    /// </summary>
    public double ValueAndGradient(ReadOnlySpan<float> theta, Span<float> gradient)
    {
        if (theta.Length != ParameterCount || gradient.Length != ParameterCount)
            throw new ArgumentException("θ and the gradient must have ParameterCount elements.");
        int chunks = _chunkLosses.Length;
        gradient.Clear();
        if (chunks == 1)
        {
            _chunkLosses[0] = AccumulateRows(theta, gradient, 0, Data.RowCount);
        }
        else
        {
            // Spans cannot cross into lambdas: copy θ into an array the chunks can share (reused: one per evaluation
            // would be a large-object allocation every time).
            var thetaArray = _thetaCopy ??= new float[ParameterCount];
            theta.CopyTo(thetaArray);
            Parallel.For(0, chunks, c =>
            {
                var buffer = _chunkGradients[c];
                Array.Clear(buffer);
                _chunkLosses[c] = AccumulateRows(thetaArray, buffer, _chunkStarts[c], _chunkStarts[c + 1]);
            });
            _chunkGradients[0].CopyTo(gradient);
            for (int c = 1; c < chunks; c++)
                System.Numerics.Tensors.TensorPrimitives.Add(gradient, _chunkGradients[c], gradient);
        }
        double loss = 0;
        for (int c = 0; c < chunks; c++) loss += _chunkLosses[c];

        double reg = 0;
        int penalised = PenalisedCount;
        float l2 = (float)L2;
        if (L2 > 0)
        {
            for (int t = 0; t < penalised; t++)
            {
                double w = theta[t];
                reg += w * w;
                gradient[t] += l2 * theta[t];
            }
        }
        double scale = WeightSum > 0 ? 1.0 / WeightSum : 0.0;
        System.Numerics.Tensors.TensorPrimitives.Multiply(gradient, (float)scale, gradient);
        return (loss + 0.5 * L2 * reg) * scale;
    }

    /// <summary>Weighted data loss Σ s_i·CE_i of rows [start, end), gradient of it added into <paramref name="gradient"/>.</summary>
    private double AccumulateRows(ReadOnlySpan<float> theta, Span<float> gradient, int start, int end)
    {
        int k = ClassCount;
        int stride = Stride;
        var features = Data.Features;
        var labels = Data.Labels;
        var weights = Data.Weights;
        var map = ColumnMap;
        var compact = _compactIndices;
        var starts = features.RowStarts;
        var biases = theta.Slice(PenalisedCount, k);
        var biasGradient = gradient.Slice(PenalisedCount, k);
        Span<float> z = stackalloc float[stride];
        var buffer = new float[features.MaxRowLength];
        double loss = 0;
        for (int i = start; i < end; i++)
        {
            float s = weights is null ? 1f : weights[i];
            if (s == 0f) continue;
            var row = features.Row(i, buffer);
            var idx = row.Indices;
            var val = row.Values;
            ReadOnlySpan<int> cols = compact is null ? default : compact.AsSpan(starts[i], idx.Length);
            z.Clear();
            biases.CopyTo(z);
            for (int t = 0; t < idx.Length; t++)
            {
                int m = compact is not null ? cols[t] : map is null ? idx[t] : map[idx[t]];
                if (m >= 0) RowKernels.AddScaled(z, theta, m * stride, val[t], stride);
            }
            float max = z[0];
            for (int c = 1; c < k; c++) if (z[c] > max) max = z[c];
            int y = labels[i];
            double shiftedTrue = z[y] - max;
            double sum = 0;
            for (int c = 0; c < k; c++)
            {
                float e = MathF.Exp(z[c] - max);
                z[c] = e;
                sum += e;
            }
            // loss_i = log Σ exp(z − max) − (z_y − max): finite whatever the scale of the scores.
            loss += s * (Math.Log(sum) - shiftedTrue);
            float inv = (float)(1.0 / sum);
            for (int c = 0; c < k; c++) z[c] = s * (z[c] * inv - (c == y ? 1f : 0f));
            z[k..].Clear(); // padding lanes must get no gradient
            for (int c = 0; c < k; c++) biasGradient[c] += z[c];
            for (int t = 0; t < idx.Length; t++)
            {
                int m = compact is not null ? cols[t] : map is null ? idx[t] : map[idx[t]];
                if (m >= 0) RowKernels.ScatterScaled(gradient, m * stride, z, val[t], stride);
            }
        }
        return loss;
    }
}
