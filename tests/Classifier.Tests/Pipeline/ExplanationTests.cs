using Classifier.Engine.Models;
using Classifier.Engine.Pipeline;
using Classifier.Text.Datasets;

namespace Classifier.Tests.Pipeline;

/// <summary>Explanations must add up: the listed terms' contributions plus the intercept are the class score.</summary>
public sealed class ExplanationTests
{
    private static readonly string[] Words =
    [
        "Vučić", "Kurti", "Pristina", "Belgrade", "separatist", "so-called", "NATO", "aggression", "KFOR", "police",
        "dialogue", "Brussels", "Ohrid", "recognition", "sovereignty", "Serbs", "attack", "municipalities", "1999",
        "investment", "“independence”", "said", "the", "of", "and", "—", "Косово", "claimed", "EU", "both sides",
    ];

    private static readonly string[] Stances = ["pro-serbia", "pro-kosovo", "neutral"];

    private static string RandomText(Random random, int minWords = 3)
    {
        int n = random.Next(minWords, 40);
        var words = new string[n];
        for (int i = 0; i < n; i++) words[i] = Words[random.Next(Words.Length)];
        return string.Join(' ', words);
    }

    private static TextClassifier Train(string trainer)
    {
        var random = new Random(7);
        int n = 90;
        var texts = new string[n];
        var labels = new string?[n][];
        for (int i = 0; i < n; i++)
        {
            texts[i] = RandomText(random) + (i % 3 == 0 ? " so-called separatist" : i % 3 == 1 ? " Serbia-backed attack" : " both sides");
            labels[i] = [Stances[i % 3]];
        }
        var ids = Enumerable.Range(0, n).Select(i => $"r{i}").ToArray();
        var data = new LabelledDataset(ids, texts, ["stance"], labels, ids, Enumerable.Repeat(1f, n).ToArray(), new bool[n], 0);
        return PipelineTrainer.Fit(data, new PipelineOptions { Trainer = trainer });
    }

    [Theory]
    [InlineData("nb")]
    [InlineData("sdca")]
    [InlineData("lbfgs")]
    [InlineData("svm")]
    public void Contributions_plus_intercept_equal_the_class_score_for_random_texts(string trainer)
    {
        var classifier = Train(trainer);
        // Signed hashing gives some features negative values: the case where naive Bayes explanations went wrong.
        Assert.Contains(classifier.Featurizer.Transform("so-called separatist Serbia-backed attack").Values.ToArray(), v => v < 0);
        var model = Assert.IsAssignableFrom<IExplainableModel>(classifier.Heads[0].Model);
        var random = new Random(11);
        var scores = new float[model.ClassCount];
        for (int t = 0; t < 100; t++)
        {
            var text = RandomText(random, 1);
            model.Scores(classifier.Featurizer.Transform(text).AsRow(), scores);
            for (int c = 0; c < model.ClassCount; c++)
            {
                var terms = classifier.Explain(text, 0, classifier.Heads[0].Labels[c], int.MaxValue);
                double explained = model.Intercept(c);
                foreach (var term in terms) explained += term.Contribution;
                // Float sums: naive Bayes centres scores of size ~100 (sums of log θ), so allow 1e-3 of a logit.
                Assert.True(Math.Abs(scores[c] - explained) <= 1e-3 + 1e-4 * Math.Abs(scores[c]),
                    $"{trainer}, class {c}, text '{text}': score {scores[c]}, intercept + contributions {explained}");
            }
        }
    }

    [Fact]
    public void Bad_arguments_get_argument_exceptions_naming_the_parameter()
    {
        var classifier = Train("nb");
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => classifier.Predict((string)null!)).ParamName);
        Assert.Equal("texts", Assert.Throws<ArgumentNullException>(() => classifier.PredictAll(null!)).ParamName);
        Assert.Equal("headIndex", Assert.Throws<ArgumentOutOfRangeException>(() => classifier.Explain("Kurti", 1, "neutral")).ParamName);
        Assert.Equal("headIndex", Assert.Throws<ArgumentOutOfRangeException>(() => classifier.Explain("Kurti", -1, "neutral")).ParamName);
        Assert.Equal("label", Assert.Throws<ArgumentNullException>(() => classifier.Explain("Kurti", 0, null!)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => classifier.ExplainAll("Kurti", ["neutral", "neutral"])).ParamName);
        Assert.Empty(classifier.Explain("Kurti", 0, "no-such-label"));
    }
}
