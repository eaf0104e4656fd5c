namespace Classifier.Engine.Models;

/// <summary>How a <see cref="LinearModel"/> turns class scores into probabilities.</summary>
public enum LinearOutput
{
    /// <summary>p = softmax(s): multinomial logistic regression (SDCA and L-BFGS maximum entropy).</summary>
    Softmax = 0,

    /// <summary>
    /// p_c ∝ σ(A_c·s_c + B_c): one-versus-all scores calibrated per class by Platt scaling, then normalised to sum 1
    /// (linear SVM).
    /// </summary>
    PlattOneVersusAll = 1,
}
