namespace Classifier.Engine.Data;

/// <summary>An owned sparse vector (indices strictly increasing). Used for single predictions.</summary>
public sealed record SparseVector(int[] Indices, float[] Values)
{
    public static SparseVector Empty { get; } = new([], []);

    public int Count => Indices.Length;

    public SparseRow AsRow() => new(Indices, Values);

    /// <summary>
    /// This vector followed by a block: <paramref name="indices"/> (ascending, relative to the block) shifted by
    /// <paramref name="offset"/>, which must lie beyond every index already here, each value scaled by <paramref name="scale"/>.
    /// </summary>
    public SparseVector Append(int offset, ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float scale = 1f)
    {
        var allIndices = new int[Count + indices.Length];
        var allValues = new float[allIndices.Length];
        Indices.CopyTo(allIndices, 0);
        Values.CopyTo(allValues, 0);
        for (int j = 0; j < indices.Length; j++)
        {
            allIndices[Count + j] = offset + indices[j];
            allValues[Count + j] = values[j] * scale;
        }
        return new SparseVector(allIndices, allValues);
    }
}
