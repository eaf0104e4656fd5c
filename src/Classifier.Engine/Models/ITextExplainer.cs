using Classifier.Engine.Pipeline;

namespace Classifier.Engine.Models;

/// <summary>
/// A text model that can say which of its own features pushed a class (an ML.NET linear head: weight × value per
/// slot, named by its featurizer's slot names). Tree ensembles and one-versus-all heads cannot, and say so by
/// <see cref="CanExplain"/> = false.
/// </summary>
public interface ITextExplainer : ITextModel
{
    bool CanExplain { get; }

    /// <summary>The terms of <paramref name="text"/> with the largest |contribution| to class <paramref name="cls"/>, strongest first.</summary>
    IReadOnlyList<TermContribution> Explain(string text, int cls, int top);
}
