using Classifier.Engine.Pipeline;

namespace Classifier.Tests.Pipeline;

public sealed class AutoSelectorTests
{
    private static LeaderboardEntry Entry(string trainer, double stance, double topic) => new(
        new TrainerCandidate(trainer, new Dictionary<string, string>()),
        new Dictionary<string, double> { ["stance"] = stance, ["topic"] = topic },
        (stance + topic) / 2, 1,
        [
            new OutOfFoldPredictions("stance", ["a", "b"], [0], [0], [stance == 0 ? 1f : (float)stance, 0f]),
            new OutOfFoldPredictions("topic", ["x", "y"], [0], [0], [(float)topic, 0f]),
        ]);

    [Fact]
    public void Each_head_gets_its_own_best_candidate_and_its_predictions()
    {
        var board = new[] { Entry("nb", 0.4, 0.8), Entry("svm", 0.6, 0.5), Entry("sdca", 0.5, 0.7) };
        var (choice, predictions) = AutoSelector.BestPerHead(board);
        Assert.Equal("svm", choice["stance"].Trainer);
        Assert.Equal("nb", choice["topic"].Trainer);
        Assert.Equal(0.6f, predictions[0].Probabilities[0]);
        Assert.Equal(0.8f, predictions[1].Probabilities[0]);
    }

    [Fact]
    public void A_tie_goes_to_the_earlier_candidate()
    {
        var board = new[] { Entry("nb", 0.5, 0.5), Entry("svm", 0.5, 0.5) };
        var (choice, _) = AutoSelector.BestPerHead(board);
        Assert.Equal("nb", choice["stance"].Trainer);
        Assert.Equal("nb", choice["topic"].Trainer);
    }

    [Fact]
    public void Head_overrides_win_over_the_pipeline_trainer()
    {
        var options = new PipelineOptions
        {
            Trainer = "sdca",
            HeadTrainers = new Dictionary<string, TrainerCandidate> { ["topic"] = new("nb", new Dictionary<string, string> { ["alpha"] = "0.1" }) },
        };
        Assert.Equal("sdca", options.TrainerFor("stance").Trainer);
        Assert.Equal("nb", options.TrainerFor("topic").Trainer);
        Assert.Equal("0.1", options.TrainerFor("topic").Settings["alpha"]);
    }
}
