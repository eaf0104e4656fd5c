using Classifier.Engine.Pipeline;
using Classifier.Text.Datasets;

namespace Classifier.Tests.Pipeline;

/// <summary>
/// <see cref="TextClassifier.PredictAll"/> (the batch API, on all cores) gives exactly what <see cref="TextClassifier.Predict(string)"/>
/// gives text by text, in text order, also while other threads use the same classifier.
/// </summary>
public sealed class PredictAllTests
{
    private static readonly string[] Words =
    [
        "Vučić", "Kurti", "Pristina", "Belgrade", "separatist", "so-called", "NATO", "aggression", "KFOR", "police",
        "dialogue", "Brussels", "recognition", "sovereignty", "Serbs", "attack", "“independence”", "said", "the", "Косово",
    ];

    private static string[] RandomTexts(int seed, int count)
    {
        var random = new Random(seed);
        var texts = new string[count];
        for (int t = 0; t < count; t++)
        {
            var words = new string[random.Next(0, 60)];
            for (int i = 0; i < words.Length; i++) words[i] = Words[random.Next(Words.Length)];
            texts[t] = string.Join(' ', words);
        }
        return texts;
    }

    private static TextClassifier Train(string trainer)
    {
        const int n = 60;
        var texts = RandomTexts(3, n);
        string[] stances = ["pro-serbia", "pro-kosovo", "neutral"];
        var labels = new string?[n][];
        for (int i = 0; i < n; i++)
        {
            texts[i] += i % 3 == 0 ? " so-called separatist" : i % 3 == 1 ? " Serbia-backed attack" : " both sides";
            labels[i] = [stances[i % 3], i % 2 == 0 ? "politics" : "security"];
        }
        var ids = new string[n];
        for (int i = 0; i < n; i++) ids[i] = $"r{i}";
        var data = new LabelledDataset(ids, texts, ["stance", "topic"], labels, ids, Enumerable.Repeat(1f, n).ToArray(), new bool[n], 0);
        return PipelineTrainer.Fit(data, new PipelineOptions { Trainer = trainer });
    }

    private static void AssertSame(HeadPrediction[] expected, HeadPrediction[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int h = 0; h < expected.Length; h++)
        {
            Assert.Equal(expected[h].Head, actual[h].Head);
            Assert.Equal(expected[h].Label, actual[h].Label);
            Assert.Equal(expected[h].Confidence, actual[h].Confidence);
            Assert.Equal(expected[h].Probabilities, actual[h].Probabilities);
        }
    }

    [Theory]
    [InlineData("sdca")]
    [InlineData("svm")]
    [InlineData("nb")]
    [InlineData("fasttree")]
    public void Batch_equals_predicting_one_by_one_in_text_order(string trainer)
    {
        var classifier = Train(trainer);
        var texts = RandomTexts(11, 500);
        var batch = classifier.PredictAll(texts);
        Assert.Equal(texts.Length, batch.Length);
        for (int i = 0; i < texts.Length; i++) AssertSame(classifier.Predict(texts[i]), batch[i]);
    }

    [Fact]
    public void Concurrent_batches_and_single_predictions_on_one_classifier_agree()
    {
        var classifier = Train("sdca");
        var texts = RandomTexts(12, 400);
        var expected = new HeadPrediction[texts.Length][];
        for (int i = 0; i < texts.Length; i++) expected[i] = classifier.Predict(texts[i]);
        // Several batches and a single-text loop at once: the per-thread featurizer buffers must not leak between
        // threads or between texts.
        var batches = new HeadPrediction[4][][];
        var singles = new HeadPrediction[texts.Length][];
        Parallel.Invoke(
            () => batches[0] = classifier.PredictAll(texts),
            () => batches[1] = classifier.PredictAll(texts),
            () => batches[2] = classifier.PredictAll(texts),
            () => batches[3] = classifier.PredictAll(texts),
            () => { for (int i = texts.Length - 1; i >= 0; i--) singles[i] = classifier.Predict(texts[i]); });
        foreach (var batch in batches)
            for (int i = 0; i < texts.Length; i++) AssertSame(expected[i], batch[i]);
        for (int i = 0; i < texts.Length; i++) AssertSame(expected[i], singles[i]);
    }
}
