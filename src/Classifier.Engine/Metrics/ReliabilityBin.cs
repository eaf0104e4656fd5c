namespace Classifier.Engine.Metrics;

/// <summary>The rows whose top-class confidence fell in one bin: how many, how confident on average, how often right.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);
