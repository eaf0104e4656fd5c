namespace Classifier.Engine.Trainers;

/// <summary>Which decision values the per-class Platt sigmoid is fitted on.</summary>
public enum SvmCalibration
{
    /// <summary>
    /// One extra solve per class on all folds but the first of a <see cref="LinearSvmOptions.CalibrationFolds"/>-fold split,
    /// scored on that held-out fold: costs (k−1)/k of a training run and gives unbiased decision values.
    /// </summary>
    HoldOut = 0,

    /// <summary>Out-of-fold decision values of every row from k extra solves per class (Platt's own advice; costs (k−1)× training).</summary>
    CrossValidation = 1,

    /// <summary>Raw training decision values: free but over-confident, since the support vectors were pulled to the margin.</summary>
    TrainingScores = 2,
}
