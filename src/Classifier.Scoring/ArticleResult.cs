using Classifier.Engine.Pipeline;

namespace Classifier.Scoring;

/// <summary>Everything the predictor says about one article: its paragraphs' predictions and its summary.</summary>
public sealed record ArticleResult(string Article, string Source, IReadOnlyList<ParagraphResult> Paragraphs, ArticleSummary Summary);
