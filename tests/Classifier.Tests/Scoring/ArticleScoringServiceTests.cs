using Classifier.Engine.Featurization;
using Classifier.Engine.Pipeline;
using Classifier.MlNet;
using Classifier.Scoring;
using Classifier.Tests.Labelling;
using Classifier.Tests.Support;
using Classifier.Text.Datasets;
using Classifier.Text.Ingestion;

namespace Classifier.Tests.Scoring;

/// <summary>
/// Scoring featurizes each paragraph once, explanations included; the results must be those of predicting and then
/// explaining separately (what the predictor did before), for every kind of head and feature block.
/// </summary>
public sealed class ArticleScoringServiceTests
{
    private static readonly string Article = Fixtures.Article("pro-serbia", paragraphs: 4) +
        "Pristina said “the statehood of Kosovo” and independence recognition were near, as troops left.\n" +
        "Source link\n***\n" +
        "Both sides showed restraint and called for calm dialogue, the embassy said.\n";

    private static TextClassifier Train(string trainer, FeaturizerOptions featurizer)
    {
        using var dir = new TempDir();
        var data = LabelledCsvReader.Read(dir.Write("d.csv", Fixtures.StanceCsv()), new LabelledCsvOptions(["text"], ["stance", "topic"]) { GroupColumn = "article" });
        return PipelineTrainer.Fit(data, new PipelineOptions { Trainer = trainer, Featurizer = featurizer });
    }

    public static TheoryData<string, string> Models => new()
    {
        { "sdca", "plain" },
        { "sdca", "context+rules+voice" },
        { "nb", "vocabulary" },
        { "svm", "plain" },
        { "mlnet-sdca", "plain" },
    };

    private static FeaturizerOptions Options(string kind) => kind switch
    {
        "context+rules+voice" => new FeaturizerOptions
        {
            HashBits = 14, VoiceNgrams = true, ContextWeight = 0.3f,
            RuleFeatures = File.ReadAllText(Path.Combine(Repo.Root, "data", "rules.json")),
        },
        "vocabulary" => new FeaturizerOptions { LearnVocabulary = true, MinCount = 1 },
        _ => new FeaturizerOptions { HashBits = 14 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Predicting_and_explaining_in_one_pass_equals_predicting_then_explaining(string trainer, string features)
    {
        var model = Train(trainer, Options(features));
        var paragraphs = new ParagraphSplitter(DropRules.Default).Split(new Article("a", "a.txt", Article)).Kept.Select(p => p.Text).ToArray();
        Assert.Equal(7, paragraphs.Length);

        var once = model.PredictArticle(paragraphs, explainTerms: 5);
        var predictions = model.PredictArticle(paragraphs);
        bool explained = false;
        for (int i = 0; i < paragraphs.Length; i++)
        {
            for (int h = 0; h < model.Heads.Count; h++)
            {
                Assert.Equal(predictions[i][h].Label, once[i].Predictions[h].Label);
                Assert.Equal(predictions[i][h].Probabilities, once[i].Predictions[h].Probabilities);
            }
            var separately = model.ExplainAll(paragraphs[i], [.. predictions[i].Select(p => (string?)p.Label)], 5);
            for (int h = 0; h < model.Heads.Count; h++)
            {
                Assert.Equal(separately[h], once[i].Explanations![h]);
                explained |= separately[h].Count > 0;
            }
        }
        Assert.True(explained, "no head explained anything: the comparison would prove nothing");
        Assert.All(model.PredictArticle(paragraphs, explainTerms: 0), p => Assert.Null(p.Explanations));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void An_article_of_one_paragraph_scores_as_that_paragraph_in_an_article(string trainer, string features)
    {
        // One-paragraph articles take a shorter path than longer ones; it must give what the article path gives.
        var scoring = new ArticleScoringService(Train(trainer, Options(features)));
        var paragraphs = new ParagraphSplitter(DropRules.Default).Split(new Article("a", "a.txt", Article)).Kept.Select(p => p.Text).ToArray();
        foreach (var text in paragraphs)
        {
            var alone = scoring.ScoreArticle(new Article("one", "one.txt", "Source link\n" + text + "\n***\n"), ScoringOptions.Default);
            var paragraph = Assert.Single(alone.Paragraphs);
            Assert.Null(paragraph.Explanations);
            var expected = scoring.Model.PredictArticle([text], explainTerms: 0)[0].Predictions;
            Assert.Equal(expected.Select(p => (p.Head, p.Label, p.Confidence)), paragraph.Predictions.Select(p => (p.Head, p.Label, p.Confidence)));
            Assert.Equal(expected.Select(p => p.Probabilities), paragraph.Predictions.Select(p => p.Probabilities));
        }
    }

    [Fact]
    public void Featurizing_with_terms_gives_the_same_vectors_and_terms_as_featurizing_and_listing_apart()
    {
        var model = Train("sdca", Options("context+rules+voice"));
        var paragraphs = Article.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var (vectors, terms) = model.Featurizer.TransformArticleWithTerms(paragraphs);
        var expected = model.Featurizer.TransformArticle(paragraphs);
        for (int i = 0; i < paragraphs.Length; i++)
        {
            Assert.Equal(expected[i].Indices.ToArray(), vectors[i].Indices.ToArray());
            Assert.Equal(expected[i].Values.ToArray(), vectors[i].Values.ToArray());
            Assert.Equal(model.Featurizer.Terms(paragraphs[i]).ToList(), terms[i]);
        }
        Assert.Contains(terms.SelectMany(t => t), t => t.Kind == TermKind.Rule);
        Assert.Contains(terms.SelectMany(t => t), t => t.Kind == TermKind.Voice);
    }

    [Fact]
    public void Many_texts_score_as_each_alone_and_an_article_as_its_kept_paragraphs()
    {
        var scoring = new ArticleScoringService(Train("sdca", Options("plain")));
        var options = new ScoringOptions(TopK: 2, Explain: true);
        string[] texts = ["belgrade sovereignty separatist", "pristina statehood recognition", "—"];
        var many = scoring.ScoreTexts(texts, options, ["x", "y", "z"]);
        string[] ids = ["x", "y"];
        for (int i = 0; i < 2; i++)
        {
            var alone = scoring.ScoreText(texts[i], options, ids[i]);
            Assert.Equal(alone.Paragraphs[0].Predictions.Select(p => p.Probabilities), many[i].Paragraphs[0].Predictions.Select(p => p.Probabilities));
            Assert.Equal(alone.Paragraphs[0].Explanations![0], many[i].Paragraphs[0].Explanations![0]);
            Assert.Equal($"{ids[i]}:1", many[i].Paragraphs[0].Id);
        }
        Assert.Empty(many[2].Paragraphs);
        Assert.Null(many[2].Summary.Slant);

        var article = scoring.ScoreArticle(new Article("a", "a.txt", Article), options);
        var kept = new ParagraphSplitter(DropRules.Default).Split(new Article("a", "a.txt", Article)).Kept;
        Assert.Equal(kept.Select(p => (p.Id, p.Index, p.Text)), article.Paragraphs.Select(p => (p.Id, p.Index, p.Text)));
        Assert.Equal(kept.Count, article.Summary.Paragraphs);
    }
}
