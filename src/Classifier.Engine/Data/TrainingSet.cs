namespace Classifier.Engine.Data;

/// <summary>
/// What a trainer fits: sparse features, a class index per row in [0, ClassCount), and optional per-row weights
/// (class weights and down-weighted weak labels both arrive here as example weights).
/// </summary>
public sealed record TrainingSet(SparseMatrix Features, int[] Labels, int ClassCount, float[]? Weights = null)
{
    /// <summary>
    /// The rows' texts, for trainers that featurize text themselves (ML.NET pipelines); null when the set was built from
    /// features alone. Our own trainers never read them.
    /// </summary>
    public string[]? Texts { get; init; }

    /// <summary>The classes' label values (index = class), so a model that outputs names (ML.NET's) uses the real ones; null = "0", "1", ...</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    public int RowCount => Features.RowCount;
    public int FeatureCount => Features.ColumnCount;
    public float WeightOf(int row) => Weights is null ? 1f : Weights[row];

    /// <summary>Checks the invariants every trainer relies on; throws <see cref="ArgumentException"/> naming the first violation.</summary>
    public void Validate()
    {
        if (Labels.Length != Features.RowCount)
            throw new ArgumentException($"{Labels.Length} labels for {Features.RowCount} rows.");
        if (Weights is not null && Weights.Length != Labels.Length)
            throw new ArgumentException($"{Weights.Length} weights for {Labels.Length} rows.");
        if (Texts is not null && Texts.Length != Labels.Length)
            throw new ArgumentException($"{Texts.Length} texts for {Labels.Length} rows.");
        if (ClassNames is not null && (ClassNames.Count != ClassCount || ClassNames.Distinct(StringComparer.Ordinal).Count() != ClassCount))
            throw new ArgumentException($"{ClassNames.Count} class names for {ClassCount} classes, or a name repeats.");
        if (ClassCount < 2)
            throw new ArgumentException($"Training needs at least two classes; got {ClassCount}.");
        for (int i = 0; i < Labels.Length; i++)
            if ((uint)Labels[i] >= (uint)ClassCount)
                throw new ArgumentException($"Row {i} has label {Labels[i]} outside [0, {ClassCount}).");
        if (Weights is not null)
            for (int i = 0; i < Weights.Length; i++)
                if (!(Weights[i] >= 0f) || float.IsInfinity(Weights[i]))
                    throw new ArgumentException($"Row {i} has weight {Weights[i]}; weights must be finite and >= 0.");
    }

    public TrainingSet SelectRows(int[] rows)
    {
        var labels = new int[rows.Length];
        float[]? weights = Weights is null ? null : new float[rows.Length];
        string[]? texts = Texts is null ? null : new string[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            labels[i] = Labels[rows[i]];
            if (weights is not null) weights[i] = Weights![rows[i]];
            if (texts is not null) texts[i] = Texts![rows[i]];
        }
        return new TrainingSet(Features.SelectRows(rows), labels, ClassCount, weights) { Texts = texts, ClassNames = ClassNames };
    }
}
