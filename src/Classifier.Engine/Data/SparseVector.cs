namespace Classifier.Engine.Data;

/// <summary>An owned sparse vector (indices strictly increasing). Used for single predictions.</summary>
public sealed record SparseVector(int[] Indices, float[] Values)
{
    public static SparseVector Empty { get; } = new([], []);

    public int Count => Indices.Length;

    public SparseRow AsRow() => new(Indices, Values);
}
