namespace Classifier.Engine.Metrics;

/// <summary>One class's precision, recall and F1 (0 when undefined, as scikit-learn's zero_division=0) and its support.</summary>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
