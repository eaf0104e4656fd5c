using Classifier.Engine.Pipeline;

namespace Classifier.Labelling;

/// <summary>A trained <see cref="TextClassifier"/> as the session's model.</summary>
public sealed class ClassifierModel(TextClassifier classifier) : IParagraphModel
{
    public TextClassifier Classifier { get; } = classifier;

    public IReadOnlyList<HeadPrediction> Predict(string text) => Classifier.Predict(text);
}
