namespace Classifier.Studio;

/// <summary>The files of the Label page: --labels (answers are appended to it), --in (paragraphs), --rules and --schema (the heads; default the codebook's), and what retraining needs.</summary>
/// <param name="TrainData">The model's training data (<c>trainer train --data</c>), checked against its manifest; retraining is off without it.</param>
/// <param name="TrainOnly">The model's <c>--train-only</c> files.</param>
/// <param name="RetrainEvery">Retrain every this many answers (0: never), as <c>trainer label --retrain-every</c>.</param>
/// <param name="SaveModel">Where each retrained model that is swapped in is written; null: kept in memory only. Never the --model file.</param>
public sealed record LabellingFiles(string? Labels, string? Input, string? Rules, string? Schema = null,
    IReadOnlyList<string>? TrainData = null, IReadOnlyList<string>? TrainOnly = null, int RetrainEvery = 20, string? SaveModel = null)
{
    public static LabellingFiles None { get; } = new(null, null, null);
}
