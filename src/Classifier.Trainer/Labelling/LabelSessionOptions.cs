using Classifier.Engine.Pipeline;
using Classifier.Text.Labelling;

namespace Classifier.Trainer.Labelling;

/// <summary>Everything a labelling session needs besides its keys and its screen.</summary>
/// <param name="Paragraphs">All paragraphs, in file order (neighbours come from here).</param>
/// <param name="Labels">The open labels file.</param>
/// <param name="Rules">Rule suggestions per paragraph (null entries where no rule fired), or null without --rules.</param>
/// <param name="Model">The model for suggestions and uncertainty, or null.</param>
/// <param name="Order">Order of the paragraphs.</param>
/// <param name="Annotator">Recorded with every answer.</param>
/// <param name="Seed">Seed of the random order.</param>
/// <param name="RetrainEvery">Retrain the model every this many answers (0: never; needs <paramref name="Retrainer"/>).</param>
/// <param name="Retrainer">Retrains the model on its training data plus the answers, or null when retraining is off.</param>
public sealed record LabelSessionOptions(
    ParagraphRows Paragraphs,
    LabelsFile Labels,
    Suggestion?[]? Rules,
    TextClassifier? Model,
    SessionOrder Order,
    string Annotator,
    int Seed = 1,
    int RetrainEvery = 0,
    Retrainer? Retrainer = null);
