namespace Classifier.Engine.Trainers;

/// <summary>Which decision values the per-class Platt sigmoid is fitted on.</summary>
public enum SvmCalibration
{
    /// <summary>
    /// Training decision values with each example's own dual contribution removed, f_i − α_i·y_i·Q_ii
    /// (the Jaakkola–Haussler leave-one-out estimate): free, and far less over-confident than raw training scores,
    /// whose support vectors all sit at the margin.
    /// </summary>
    LeaveOneOutEstimate = 0,

    /// <summary>Raw training decision values (cheapest, over-confident).</summary>
    TrainingScores = 1,

    /// <summary>Out-of-fold decision values from <see cref="LinearSvmOptions.CalibrationFolds"/> extra solves per class (Platt's own advice; costs (k−1)× training).</summary>
    CrossValidation = 2,
}
