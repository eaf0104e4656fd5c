namespace Classifier.Trainer.Labelling;

/// <summary>Arguments of one session.</summary>
/// <param name="In">Paragraph CSV.</param>
/// <param name="Labels">Labels file to append to.</param>
/// <param name="Model">Model file, or null.</param>
/// <param name="Rules">Rule file, or null.</param>
/// <param name="Order">sequential, random or uncertain; null picks uncertain with a model or rules, else sequential.</param>
/// <param name="Annotator">Recorded with each answer.</param>
/// <param name="Keys">Key stream file, "-" for standard input, or null for the terminal.</param>
/// <param name="Seed">Seed of the random order.</param>
/// <param name="RetrainEvery">Retrain every this many answers when a model is given (0: never).</param>
/// <param name="TextColumn">Text column of the paragraph CSV.</param>
/// <param name="IdColumn">Id column of the paragraph CSV.</param>
/// <param name="TrainData">The labelled CSVs the model was trained on (its --data), needed to retrain.</param>
/// <param name="TrainOnly">The model's --train-only CSVs.</param>
/// <param name="Schema">The --schema JSON file giving the heads, values and keys, or null for the codebook's stance and topic.</param>
public sealed record LabelArguments(string In, string Labels, string? Model, string? Rules, string? Order, string Annotator, string? Keys,
    int Seed = 1, int RetrainEvery = 20, string TextColumn = "text", string IdColumn = "id",
    string[]? TrainData = null, string[]? TrainOnly = null, string? Schema = null);
