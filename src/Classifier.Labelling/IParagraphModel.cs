using Classifier.Engine.Pipeline;

namespace Classifier.Labelling;

/// <summary>What the session asks of a model: one prediction per head for a paragraph (a seam for tests and other engines).</summary>
public interface IParagraphModel
{
    IReadOnlyList<HeadPrediction> Predict(string text);
}
