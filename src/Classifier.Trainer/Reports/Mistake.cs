namespace Classifier.Trainer.Reports;

/// <summary>A wrong prediction, kept for the report's "most confident mistakes" list.</summary>
public sealed record Mistake(string Id, string Text, string Actual, string Predicted, double Confidence);
