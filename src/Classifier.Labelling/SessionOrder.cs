namespace Classifier.Labelling;

/// <summary>The order paragraphs are offered in.</summary>
public enum SessionOrder
{
    /// <summary>File order.</summary>
    Sequential,

    /// <summary>A seeded shuffle.</summary>
    Random,

    /// <summary>Least confident prediction first (active learning): the model's margin, else the rules' confidence.</summary>
    Uncertain,
}
