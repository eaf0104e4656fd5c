namespace Classifier.Engine.Pipeline;

/// <summary>
/// Cross-validated predictions for one head: for every row that was tested (has a label, is not train-only),
/// its true class and the probabilities a model that never saw it gave (row-major, Rows.Length × Labels.Count).
/// </summary>
public sealed record OutOfFoldPredictions(string Head, IReadOnlyList<string> Labels, int[] Rows, int[] Truth, float[] Probabilities);
