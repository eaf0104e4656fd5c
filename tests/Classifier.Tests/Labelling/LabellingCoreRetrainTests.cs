using Classifier.Engine.Persistence;
using Classifier.Labelling;
using Classifier.Tests.Support;
using Classifier.Text.Labelling;

namespace Classifier.Tests.Labelling;

/// <summary>Retraining through the core: in the background, adding the answers to the model's data, leaving withdrawn ones out.</summary>
public class LabellingCoreRetrainTests
{
    private static Retrainer Prepare(string model, string train)
    {
        var retrainer = Retrainer.Prepare(ModelFile.Load(model), model, LabellingSchema.Codebook, [train], [], out var refusal);
        Assert.Null(refusal);
        return retrainer!;
    }

    [Fact]
    public void Retraining_runs_in_the_background_and_is_swapped_in_when_polled()
    {
        using var dir = new TempDir();
        var (model, train, fresh) = LabellingFixtures.TrainedModelAndFreshParagraphs(dir);
        using var store = CsvLabelStore.Open(dir.File("labels.csv"));
        var options = new LabellingSessionOptions(ParagraphRows.Read(dir.File("paragraphs.csv")), store, null, new ClassifierModel(ModelFile.Load(model)),
            SessionOrder.Sequential, "tester", RetrainEvery: 3, Retrainer: Prepare(model, train));
        var session = new LabellingSession(options);
        for (int i = 0; i < 3; i++) session.Answer($"q{i}", [fresh[i][3], fresh[i][4]]);
        // Answers go on while it trains: the store is not locked by the retraining.
        session.Answer("q3", [fresh[3][3], fresh[3][4]]);
        string? message = null;
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (message is null && DateTime.UtcNow < deadline)
        {
            message = session.PollRetraining();
            if (message is null) Thread.Sleep(50);
        }
        Assert.NotNull(message);
        Assert.Contains("retrained on 36 training rows + 3 answers", message);
        Assert.Equal(1, session.Retrained);
        int asked = session.ModelPredictions;
        _ = session.Current;
        // The new model is asked afresh about the paragraph shown.
        Assert.Equal(asked + 1, session.ModelPredictions);
    }

    [Fact]
    public void Withdrawn_answers_do_not_train()
    {
        using var dir = new TempDir();
        var (model, train, fresh) = LabellingFixtures.TrainedModelAndFreshParagraphs(dir);
        var labels = dir.File("labels.csv");
        using (var store = CsvLabelStore.Open(labels))
        {
            for (int i = 0; i < 3; i++)
                store.Append(new LabelRecord($"q{i}", "b", fresh[i][2], [fresh[i][3], fresh[i][4]], "tester", "", DateTimeOffset.UtcNow));
            store.Undo("q1", "tester");
        }
        var (_, message) = Prepare(model, train).Run(labels);
        Assert.Contains("36 training rows + 2 answers", message);
    }

    [Fact]
    public void A_retrained_model_keeps_the_heads_that_pool_sentences()
    {
        using var dir = new TempDir();
        var (_, train, fresh) = LabellingFixtures.TrainedModelAndFreshParagraphs(dir);
        var model = dir.File("pooled.zip");
        var fit = CliRun.Trainer("train", "--data", train, "--model", model, "--trainer", "sdca", "--cv", "none", "--sentence-pooling", "stance");
        Assert.True(fit.ExitCode == 0, fit.ToString());
        var labels = dir.File("labels.csv");
        using (var store = CsvLabelStore.Open(labels))
            for (int i = 0; i < 3; i++)
                store.Append(new LabelRecord($"q{i}", "b", fresh[i][2], [fresh[i][3], fresh[i][4]], "tester", "", DateTimeOffset.UtcNow));
        var (retrained, message) = Prepare(model, train).Run(labels);
        Assert.True(retrained is not null, message);
        Assert.Equal("neutral", retrained.Head("stance")!.SentencePooling);
        Assert.Null(retrained.Head("topic")!.SentencePooling);
    }
}
