using BenchmarkDotNet.Attributes;
using Classifier.Engine.Pipeline;
using Classifier.Text.Datasets;

namespace Classifier.Bench.Featurizer;

/// <summary>
/// <see cref="TextClassifier.Predict(string)"/> per paragraph on one thread for each trainer's model (default
/// features: 2^19 word and 2^19 character buckets), and <see cref="TextClassifier.PredictAll"/> over 4,096 paragraphs
/// on every core. The models are trained on the eight paragraphs, repeated, with made-up labels: scoring cost
/// depends on the model's shape and the paragraph's non-zeros, not on what it learned.
/// </summary>
[MemoryDiagnoser]
public class PredictBenchmarks
{
    private const int Batch = 4096;
    private readonly string[] _texts = Paragraphs.All;
    private readonly string[] _batch = new string[Batch];
    private TextClassifier _model = null!;

    [Params("sdca", "svm", "nb", "fasttree")]
    public string Trainer { get; set; } = "sdca";

    [GlobalSetup]
    public void Setup()
    {
        const int rows = 40;
        var ids = new string[rows];
        var texts = new string[rows];
        var labels = new string?[rows][];
        for (int i = 0; i < rows; i++)
        {
            ids[i] = $"row{i}";
            texts[i] = _texts[i % _texts.Length];
            labels[i] = [$"class{(i + i / _texts.Length) % 5}"];
        }
        var data = new LabelledDataset(ids, texts, ["label"], labels, ids, Enumerable.Repeat(1f, rows).ToArray(), new bool[rows], 0);
        _model = PipelineTrainer.Fit(data, new PipelineOptions { Trainer = Trainer, ClassWeighting = ClassWeighting.None });
        for (int i = 0; i < Batch; i++) _batch[i] = _texts[i % _texts.Length];
    }

    [Benchmark(OperationsPerInvoke = 8)]
    public float Predict()
    {
        float sum = 0;
        foreach (var text in _texts) sum += _model.Predict(text)[0].Confidence;
        return sum;
    }

    /// <summary>Per paragraph of a 4,096-paragraph batch on all cores: 10^6 / mean = paragraphs per second.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int PredictAll() => _model.PredictAll(_batch).Length;
}
