namespace Classifier.Predictor;

/// <summary>What the user asked the predictor for.</summary>
public sealed record PredictorOptions(string Format, int TopK, bool Explain, int ExplainTerms = 5);
