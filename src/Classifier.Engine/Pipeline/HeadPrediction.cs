namespace Classifier.Engine.Pipeline;

/// <summary>A head's answer for one text: the most probable label and the probability of every label (in head order).</summary>
public sealed record HeadPrediction(string Head, string Label, float Confidence, float[] Probabilities);
