namespace Classifier.Engine.Trainers;

/// <summary>The loss of the L2-regularised linear SVM (liblinear's solvers 1 and 3).</summary>
public enum SvmLoss
{
    /// <summary>Squared hinge max(0, 1 − y·wᵀx)²: dual box [0, ∞) with diagonal D_ii = 1/(2·C_i) (liblinear -s 1, its default).</summary>
    SquaredHinge = 0,

    /// <summary>Hinge max(0, 1 − y·wᵀx): dual box [0, C_i], D_ii = 0 (liblinear -s 3).</summary>
    Hinge = 1,
}
