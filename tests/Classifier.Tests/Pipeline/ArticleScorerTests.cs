using Classifier.Engine.Models;
using Classifier.Engine.Pipeline;

namespace Classifier.Tests.Pipeline;

public class ArticleScorerTests
{
    private static readonly ClassifierHead Stance = new("stance", ["pro-serbia", "pro-kosovo", "neutral"],
        new LinearModel(1, 3, new float[3], new float[3], LinearOutput.Softmax), "test", new Dictionary<string, string>());

    private static HeadPrediction[] P(float serbia, float kosovo, float neutral)
    {
        float[] p = [serbia, kosovo, neutral];
        int best = Classifier.Engine.Metrics.MulticlassMetrics.ArgMax(p);
        return [new HeadPrediction("stance", Stance.Labels[best], p[best], p)];
    }

    [Fact]
    public void Slant_is_the_confidence_weighted_mean_of_serbia_minus_kosovo()
    {
        // w = max prob: 0.8 and 0.5. (0.8·(0.8−0.1) + 0.5·(0.2−0.5)) / 1.3 = (0.56 − 0.15) / 1.3
        var paragraphs = new[] { P(0.8f, 0.1f, 0.1f), P(0.2f, 0.5f, 0.3f) };
        var summary = ArticleScorer.Summarize("a", [Stance], paragraphs);
        Assert.Equal((0.56 - 0.15) / 1.3, summary.Slant!.Value, 5);
        Assert.Equal(0.5, summary.Distribution["stance"]["pro-serbia"], 5);
        Assert.Equal("pro-serbia", summary.MainLabels["stance"][0]);
    }

    [Fact]
    public void Slant_spans_minus_one_to_one()
    {
        Assert.Equal(1.0, ArticleScorer.Summarize("a", [Stance], [P(1f, 0f, 0f)]).Slant!.Value, 6);
        Assert.Equal(-1.0, ArticleScorer.Summarize("a", [Stance], [P(0f, 1f, 0f)]).Slant!.Value, 6);
        Assert.Equal(0.0, ArticleScorer.Summarize("a", [Stance], [P(0f, 0f, 1f)]).Slant!.Value, 6);
    }

    [Fact]
    public void Heads_without_the_two_sides_have_no_slant()
    {
        var topic = Stance with { Name = "topic", Labels = ["security", "economy", "other"] };
        var summary = ArticleScorer.Summarize("a", [topic], [P(0.6f, 0.3f, 0.1f)]);
        Assert.Null(summary.Slant);
        Assert.Equal(["security", "economy"], summary.MainLabels["topic"]);
    }
}
