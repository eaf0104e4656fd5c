namespace Classifier.Engine.Models;

/// <summary>How a <see cref="TreeEnsembleModel"/> turns class scores into probabilities.</summary>
public enum TreeEnsembleOutput
{
    /// <summary>p_c ∝ σ(s_c): one binary booster per class, sigmoids normalised to sum 1 (ML.NET FastTree OVA).</summary>
    OneVersusAllSigmoid = 0,

    /// <summary>p = softmax(s) (LightGBM multiclass).</summary>
    Softmax = 1,
}
