using BenchmarkDotNet.Attributes;
using Classifier.Engine.Data;
using Classifier.Engine.Featurization;
using Classifier.Engine.Models;

namespace Classifier.Bench.Featurizer;

/// <summary>
/// Single-thread cost per 300-character paragraph: featurizing (default options, voice n-grams, a learned
/// vocabulary) and predicting with a 5-class linear model over the default features.
/// </summary>
[MemoryDiagnoser]
public class FeaturizerBenchmarks
{
    private const int Classes = 5;
    private readonly string[] _texts = Paragraphs.All;
    private FittedFeaturizer _default = null!, _voice = null!, _vocabulary = null!;
    private LinearModel _model = null!;
    private readonly float[] _probabilities = new float[Classes];

    [GlobalSetup]
    public void Setup()
    {
        _default = new TextFeaturizer(new FeaturizerOptions()).Fit(_texts);
        _voice = new TextFeaturizer(new FeaturizerOptions { VoiceNgrams = true }).Fit(_texts);
        _vocabulary = new TextFeaturizer(new FeaturizerOptions { LearnVocabulary = true, MinCount = 1 }).Fit(_texts);
        _model = RandomLinearModel(_default.FeatureCount);
    }

    // Random weights: scoring cost depends on the feature count and the non-zeros, not on the values.
    private static LinearModel RandomLinearModel(int features)
    {
        var rng = new Random(7);
        var weights = new float[(long)features * Classes];
        for (long i = 0; i < weights.Length; i++) weights[i] = (float)(rng.NextDouble() - 0.5);
        return new LinearModel(features, Classes, weights, new float[Classes], LinearOutput.Softmax);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 8)]
    public int TransformDefault() => TransformAll(_default);

    [Benchmark(OperationsPerInvoke = 8)]
    public int TransformVoice() => TransformAll(_voice);

    [Benchmark(OperationsPerInvoke = 8)]
    public int TransformVocabulary() => TransformAll(_vocabulary);

    [Benchmark(OperationsPerInvoke = 8)]
    public float PredictLinear()
    {
        float sum = 0;
        foreach (var text in _texts)
        {
            var v = _default.Transform(text);
            _model.PredictProbabilities(v.AsRow(), _probabilities);
            sum += _probabilities[0];
        }
        return sum;
    }

    private int TransformAll(FittedFeaturizer featurizer)
    {
        int nonZeros = 0;
        foreach (var text in _texts) nonZeros += featurizer.Transform(text).Count;
        return nonZeros;
    }
}
