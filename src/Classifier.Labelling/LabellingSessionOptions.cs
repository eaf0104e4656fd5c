using Classifier.Text.Labelling;

namespace Classifier.Labelling;

/// <summary>Everything a labelling session needs.</summary>
/// <param name="Paragraphs">All paragraphs, in file order (neighbours come from here).</param>
/// <param name="Store">Where answers go; its schema is the session's.</param>
/// <param name="Rules">Rule suggestions per paragraph (null entries where no rule fired), or null without rules.</param>
/// <param name="Model">The model for suggestions and uncertainty, or null.</param>
/// <param name="Order">Order of the paragraphs.</param>
/// <param name="Annotator">Recorded with every answer.</param>
/// <param name="Seed">Seed of the random order.</param>
/// <param name="RetrainEvery">Retrain the model every this many answers (0: never; needs <paramref name="Retrainer"/>).</param>
/// <param name="Retrainer">Retrains the model on its training data plus the answers, or null when retraining is off.</param>
/// <param name="WaitForRetraining">Wait for each retraining to end before the next paragraph, so a scripted session always gives the same order.</param>
public sealed record LabellingSessionOptions(
    ParagraphRows Paragraphs,
    ILabelStore Store,
    Suggestion?[]? Rules,
    IParagraphModel? Model,
    SessionOrder Order,
    string Annotator,
    int Seed = 1,
    int RetrainEvery = 0,
    Retrainer? Retrainer = null,
    bool WaitForRetraining = false);
