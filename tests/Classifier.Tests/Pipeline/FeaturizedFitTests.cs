using Classifier.Engine.Pipeline;
using Classifier.MlNet;
using Classifier.Text.Datasets;

namespace Classifier.Tests.Pipeline;

/// <summary>
/// Training in two halves (<see cref="PipelineTrainer.Featurize"/>, then <see cref="PipelineTrainer.Fit(LabelledDataset, IReadOnlyList{string}[], PipelineOptions, FeaturizedRows, IProgress{string}?, CancellationToken)"/>
/// on the dataset with its texts dropped) gives the same model as training in one call: the trainer CLI relies on it
/// to free the texts before the trainers allocate.
/// </summary>
public sealed class FeaturizedFitTests
{
    private static LabelledDataset Data()
    {
        string[] stances = ["pro-serbia", "pro-kosovo", "neutral"];
        string[] phrases = ["so-called Kosovo separatists provoked", "Serbia-backed gunmen attacked Kosovo police", "both sides met in Brussels"];
        const int n = 45;
        var texts = new string[n];
        var labels = new string?[n][];
        var ids = new string[n];
        for (int i = 0; i < n; i++)
        {
            ids[i] = $"r{i}";
            texts[i] = $"{phrases[i % 3]} on day {i} of the talks";
            labels[i] = [stances[i % 3], i % 2 == 0 ? "politics" : "security"];
        }
        return new LabelledDataset(ids, texts, ["stance", "topic"], labels, ids, Enumerable.Repeat(1f, n).ToArray(), new bool[n], 0);
    }

    [Theory]
    [InlineData("sdca")]
    [InlineData("svm")]
    [InlineData("nb")]
    public void Featurize_then_fit_without_texts_equals_one_call(string trainer)
    {
        var data = Data();
        var options = new PipelineOptions { Trainer = trainer };
        var oneCall = PipelineTrainer.Fit(data, options);

        var featurized = PipelineTrainer.Featurize(data, PipelineTrainer.AllRows(data.Count), options);
        Assert.Null(featurized.Texts); // our trainers read only the matrix
        var twoHalves = PipelineTrainer.Fit(data.WithoutTexts(), PipelineTrainer.LabelSets(data), options, featurized);

        Assert.Equal(oneCall.Info.TrainingDataSha256, twoHalves.Info.TrainingDataSha256);
        Assert.Equal(oneCall.Info.TrainingTextHashes, twoHalves.Info.TrainingTextHashes);
        foreach (var text in new[] { "so-called separatists again", "gunmen attacked police", "talks in Brussels", "" })
        {
            var a = oneCall.Predict(text);
            var b = twoHalves.Predict(text);
            for (int h = 0; h < a.Length; h++)
            {
                Assert.Equal(a[h].Label, b[h].Label);
                Assert.Equal(a[h].Probabilities, b[h].Probabilities);
            }
        }
    }

    [Fact]
    public void Featurizing_while_releasing_the_texts_equals_featurizing_and_takes_them_from_the_dataset()
    {
        var data = Data();
        var options = new PipelineOptions { Trainer = "sdca" };
        var rows = PipelineTrainer.AllRows(data.Count);
        var plain = PipelineTrainer.Featurize(data, rows, options);
        var released = data;
        var featurized = PipelineTrainer.FeaturizeReleasingTexts(ref released, rows, options);
        Assert.All(released.Texts, t => Assert.Equal("", t));
        Assert.Equal(data.Labels, released.Labels);
        Assert.NotEqual("", data.Texts[0]); // the original dataset object is untouched
        Assert.Equal(plain.Fingerprint, featurized.Fingerprint);
        Assert.Equal(plain.TextHashes, featurized.TextHashes);
        Assert.Equal(plain.Features.RowStarts, featurized.Features.RowStarts);
        int nnz = (int)plain.Features.NonZeroCount; // the arrays may be longer (uninitialised slack)
        Assert.Equal(plain.Features.Indices.AsSpan(0, nnz).ToArray(), featurized.Features.Indices.AsSpan(0, nnz).ToArray());
        Assert.Equal(plain.Features.Values.AsSpan(0, nnz).ToArray(), featurized.Features.Values.AsSpan(0, nnz).ToArray());
        var a = PipelineTrainer.Fit(data, PipelineTrainer.LabelSets(data), options, plain).Predict("so-called separatists");
        var b = PipelineTrainer.Fit(released, PipelineTrainer.LabelSets(data), options, featurized).Predict("so-called separatists");
        Assert.Equal(a[0].Probabilities, b[0].Probabilities);
    }

    [Fact]
    public void Releasing_keeps_the_texts_a_trainer_that_featurizes_text_itself_needs()
    {
        MlNetEngine.Register();
        var data = Data();
        var released = data;
        var featurized = PipelineTrainer.FeaturizeReleasingTexts(ref released, [1, 3], new PipelineOptions { Trainer = "mlnet-sdca" });
        Assert.Equal([data.Texts[1], data.Texts[3]], featurized.Texts!);
        Assert.All(released.Texts, t => Assert.Equal("", t));
    }

    [Fact]
    public void Texts_are_kept_for_a_trainer_that_featurizes_text_itself()
    {
        MlNetEngine.Register();
        var data = Data();
        var featurized = PipelineTrainer.Featurize(data, [0, 2, 4], new PipelineOptions { Trainer = "mlnet-sdca" });
        Assert.Equal([data.Texts[0], data.Texts[2], data.Texts[4]], featurized.Texts!);
        Assert.Equal(3, featurized.Features.RowCount);
    }

    [Fact]
    public void WithoutTexts_keeps_every_row_but_its_text()
    {
        var data = Data();
        var dropped = data.WithoutTexts();
        Assert.Equal(data.Count, dropped.Count);
        Assert.All(dropped.Texts, t => Assert.Equal("", t));
        Assert.Equal(data.Ids, dropped.Ids);
        Assert.Equal(data.Labels, dropped.Labels);
        Assert.Equal(data.Weights, dropped.Weights);
        Assert.NotEqual("", data.Texts[0]); // the original is untouched
    }
}
