using Classifier.Engine.Pipeline;
using Classifier.Engine.Persistence;
using Classifier.Text.Datasets;
using Classifier.Text.Diagnostics;
using Classifier.Tests.Support;

namespace Classifier.Tests.Pipeline;

/// <summary>Sentence pooling: the math, and a head trained with it scoring each sentence in every prediction path.</summary>
public sealed class SentencePoolingTests
{
    [Fact]
    public void Sides_take_their_highest_sentence_and_the_background_its_lowest_renormalised()
    {
        // classes: pro-serbia, pro-kosovo, neutral (background 2)
        float[][] sentences = [[0.1f, 0.1f, 0.8f], [0.6f, 0.1f, 0.3f], [0.2f, 0.3f, 0.5f]];
        var pooled = new float[3];
        SentencePooling.Pool(sentences, 2, pooled);
        // max 0.6, max 0.3, min 0.3 → sum 1.2
        Assert.Equal(0.5f, pooled[0], 5);
        Assert.Equal(0.25f, pooled[1], 5);
        Assert.Equal(0.25f, pooled[2], 5);
    }

    [Fact]
    public void One_sentence_pools_to_itself()
    {
        float[] only = [0.2f, 0.3f, 0.5f];
        var pooled = new float[3];
        SentencePooling.Pool([only], 2, pooled);
        Assert.Equal(only, pooled);
    }

    private const string Partisan = "The so-called separatist regime attacked Serbs again.";
    private const string Neutral = "The meeting was held on Monday in the capital.";

    private static LabelledDataset Data()
    {
        var texts = new List<string>();
        var labels = new List<string?[]>();
        for (int i = 0; i < 30; i++)
        {
            texts.Add(i % 2 == 0 ? $"{Partisan} Report {i}." : $"{Neutral} Report {i}.");
            labels.Add([i % 2 == 0 ? "pro-serbia" : "neutral"]);
            texts.Add($"Officials met again on day {i} to discuss the schedule.");
            labels.Add(["neutral"]);
        }
        var ids = texts.Select((_, i) => $"r{i}").ToArray();
        var groups = texts.Select((_, i) => $"a{i / 4}").ToArray();
        return new LabelledDataset(ids, [.. texts], ["stance"], [.. labels], groups, Enumerable.Repeat(1f, texts.Count).ToArray(), new bool[texts.Count], 0);
    }

    private static TextClassifier Train(bool pooling) =>
        PipelineTrainer.Fit(Data(), new PipelineOptions
        {
            Trainer = "sdca",
            SentencePooling = pooling ? new Dictionary<string, string> { ["stance"] = "neutral" } : new Dictionary<string, string>(),
        });

    [Fact]
    public void A_pooled_head_scores_a_paragraph_as_its_sentences_pooled()
    {
        var model = Train(pooling: true);
        Assert.Equal("neutral", model.Heads[0].SentencePooling);
        var paragraph = $"{Neutral} {Neutral} {Partisan}";
        var perSentence = SentenceSplitterScores(model, paragraph);
        var expected = new float[model.Heads[0].Labels.Count];
        SentencePooling.Pool(perSentence, model.Heads[0].IndexOf("neutral"), expected);
        var predicted = model.Predict(paragraph)[0];
        Assert.Equal(expected, predicted.Probabilities);
        Assert.Equal("pro-serbia", predicted.Label);
        // The unpooled model of the same data weighs the whole paragraph, where two neutral sentences dilute the third.
        var whole = Train(pooling: false).Predict(paragraph)[0];
        int proSerbia = model.Heads[0].IndexOf("pro-serbia");
        Assert.True(predicted.Probabilities[proSerbia] > whole.Probabilities[proSerbia]);
    }

    private static float[][] SentenceSplitterScores(TextClassifier model, string paragraph)
    {
        var sentences = Classifier.Text.Framing.SentenceSplitter.Split(paragraph);
        Assert.Equal(3, sentences.Count);
        var unpooled = new TextClassifier(model.Featurizer, [model.Heads[0] with { SentencePooling = null }], model.Info);
        return [.. sentences.Select(s => unpooled.Predict(s)[0].Probabilities)];
    }

    [Fact]
    public void Every_prediction_path_pools_and_a_one_sentence_paragraph_is_scored_whole()
    {
        var model = Train(pooling: true);
        string[] texts = [$"{Neutral} {Partisan}", Partisan, Neutral];
        var single = texts.Select(t => model.Predict(t)[0].Probabilities).ToArray();
        var all = model.PredictAll(texts).Select(p => p[0].Probabilities).ToArray();
        var article = model.PredictArticle(texts).Select(p => p[0].Probabilities).ToArray();
        var each = model.PredictEach(texts, 0).Select(p => p.Predictions[0].Probabilities).ToArray();
        Assert.Equal(single, all);
        Assert.Equal(single, article);
        Assert.Equal(single, each);
        var unpooled = new TextClassifier(model.Featurizer, [model.Heads[0] with { SentencePooling = null }], model.Info);
        Assert.Equal(unpooled.Predict(Partisan)[0].Probabilities, single[1]);
        Assert.NotEqual(unpooled.Predict(texts[0])[0].Probabilities, single[0]);
    }

    [Fact]
    public void A_pooled_label_is_explained_by_the_sentence_that_decided_it()
    {
        var model = Train(pooling: true);
        var paragraph = $"{Neutral} {Partisan}";
        Assert.Equal("pro-serbia", model.Predict(paragraph)[0].Label);
        var explained = model.Explain(paragraph, 0, "pro-serbia", top: 10);
        Assert.NotEmpty(explained);
        Assert.Equal(model.Explain(Partisan, 0, "pro-serbia", top: 10), explained);
        Assert.DoesNotContain(explained, t => t.Term.Contains("meeting", StringComparison.OrdinalIgnoreCase));
        // The article path explains the same way.
        var article = model.PredictArticle([paragraph], 10)[0];
        Assert.Equal(explained, article.Explanations![0]);
        // The background label is explained by the sentence that gave it its lowest probability.
        var neutral = model.Explain(paragraph, 0, "neutral", top: 10);
        Assert.Equal(model.Explain(Partisan, 0, "neutral", top: 10), neutral);
    }

    /// <summary>Records every batch it is asked to embed; a vector from the text's length, so it is deterministic.</summary>
    private sealed class RecordingEmbedder : Classifier.Engine.Featurization.ITextEmbedder
    {
        public System.Collections.Concurrent.ConcurrentQueue<string[]> Batches { get; } = new();
        public string Name => "test-recording";
        public int Dimensions => 2;

        public float[][] Embed(IReadOnlyList<string> texts, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
        {
            Batches.Enqueue([.. texts]);
            return [.. texts.Select(t => new[] { 0.6f, t.Length % 2 == 0 ? 0.8f : -0.8f })];
        }
    }

    [Fact]
    public void The_batch_embedding_pass_covers_the_sentences_a_pooled_head_scores()
    {
        var embedder = new RecordingEmbedder();
        Classifier.Engine.Featurization.TextEmbedders.Register(embedder.Name, () => embedder);
        var model = PipelineTrainer.Fit(Data(), new PipelineOptions
        {
            Trainer = "sdca",
            Featurizer = new() { Embeddings = embedder.Name },
            SentencePooling = new Dictionary<string, string> { ["stance"] = "neutral" },
        });
        while (embedder.Batches.TryDequeue(out _)) { }
        string[] texts = [$"{Neutral} {Partisan}", Neutral];
        model.PredictAll(texts);
        Assert.True(embedder.Batches.TryDequeue(out var first));
        Assert.Equal([texts[0], Neutral, Partisan, Neutral], first);
    }

    [Fact]
    public void Predicting_from_a_vector_alone_is_refused_for_a_pooled_head()
    {
        var model = Train(pooling: true);
        var ex = Assert.Throws<InvalidOperationException>(() => model.Predict(model.Featurizer.Transform(Partisan)));
        Assert.Contains("sentence pooling", ex.Message);
    }

    [Fact]
    public void The_model_file_keeps_the_pooling_and_a_bad_background_label_is_refused()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "m.zip");
        var model = Train(pooling: true);
        ModelFile.Save(path, model);
        var loaded = ModelFile.Load(path);
        Assert.Equal("neutral", loaded.Heads[0].SentencePooling);
        Assert.Equal(2, ModelFile.ReadManifest(path).FormatVersion); // a tool that predates pooling refuses it
        var paragraph = $"{Neutral} {Partisan}";
        Assert.Equal(model.Predict(paragraph)[0].Probabilities, loaded.Predict(paragraph)[0].Probabilities);

        var unpooledPath = Path.Combine(dir.Path, "plain.zip");
        ModelFile.Save(unpooledPath, Train(pooling: false));
        Assert.Null(ModelFile.Load(unpooledPath).Heads[0].SentencePooling);
        Assert.Equal(1, ModelFile.ReadManifest(unpooledPath).FormatVersion);
    }

    [Fact]
    public void A_classifier_refuses_a_background_label_its_head_lacks()
    {
        var model = Train(pooling: true);
        var ex = Assert.Throws<ArgumentException>(() => new TextClassifier(model.Featurizer, [model.Heads[0] with { SentencePooling = "none-such" }], model.Info));
        Assert.Contains("none-such", ex.Message);
    }

    [Fact]
    public void The_api_model_description_names_the_background_label()
    {
        var description = Classifier.Api.Contracts.ModelDescription.Of(Train(pooling: true));
        Assert.Equal("neutral", Assert.Single(description.Heads).SentencePooling);
        Assert.Null(Assert.Single(Classifier.Api.Contracts.ModelDescription.Of(Train(pooling: false)).Heads).SentencePooling);
    }

    [Theory]
    [InlineData("topic", "neutral", "head 'topic'")]
    [InlineData("stance", "maybe", "background label 'maybe'")]
    public void Training_refuses_an_unknown_head_or_background_label(string head, string background, string expected)
    {
        var ex = Assert.Throws<InputException>(() => PipelineTrainer.Fit(Data(), new PipelineOptions
        {
            SentencePooling = new Dictionary<string, string> { [head] = background },
        }));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Training_refuses_pooling_with_article_context()
    {
        var ex = Assert.Throws<InputException>(() => PipelineTrainer.Fit(Data(), new PipelineOptions
        {
            SentencePooling = new Dictionary<string, string> { ["stance"] = "neutral" },
            Featurizer = new() { ContextWeight = 0.3f },
        }));
        Assert.Contains("article context", ex.Message);
    }
}
