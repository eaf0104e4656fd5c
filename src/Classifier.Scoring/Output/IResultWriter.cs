namespace Classifier.Scoring.Output;

/// <summary>Writes results as they come (one article at a time), so memory stays flat on large inputs.</summary>
public interface IResultWriter : IDisposable
{
    void Write(ArticleResult article);

    /// <summary>Closes the document (e.g. the JSON array). Not called when the run fails.</summary>
    void Complete();
}
