namespace Classifier.Engine.Featurization;

public enum TermWeighting
{
    /// <summary>Term frequency only.</summary>
    Tf,
    /// <summary>Inverse document frequency only (a binary presence scaled by rarity).</summary>
    Idf,
    /// <summary>Term frequency times smoothed inverse document frequency, ln((1 + N) / (1 + df)) + 1.</summary>
    TfIdf,
}
