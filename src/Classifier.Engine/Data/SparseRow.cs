namespace Classifier.Engine.Data;

/// <summary>
/// A borrowed view of one sparse example: feature indices in strictly increasing order and their values.
/// Trainers and models read examples through this view so that no row is copied on a hot path.
/// </summary>
public readonly ref struct SparseRow(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
{
    public ReadOnlySpan<int> Indices { get; } = indices;
    public ReadOnlySpan<float> Values { get; } = values;
    public int Count => Indices.Length;

    /// <summary>Dot product with a dense weight vector.</summary>
    public float Dot(ReadOnlySpan<float> weights)
    {
        float sum = 0f;
        var idx = Indices;
        var val = Values;
        for (int i = 0; i < idx.Length; i++)
            sum += weights[idx[i]] * val[i];
        return sum;
    }

    /// <summary>Squared L2 norm of the row.</summary>
    public float SquaredNorm()
    {
        float sum = 0f;
        foreach (var v in Values) sum += v * v;
        return sum;
    }
}
