namespace Classifier.Engine.Pipeline;

/// <summary>How examples are weighted by class before training.</summary>
public enum ClassWeighting
{
    /// <summary>Every example counts once (times its own weight).</summary>
    None,

    /// <summary>Each class gets the same total weight: w_c = n / (K · n_c). Helps the minority classes' recall.</summary>
    Balanced,

    /// <summary>Each example's weight is multiplied by its label's entry in <see cref="PipelineOptions.ClassWeights"/> (1 when absent).</summary>
    Explicit,
}
