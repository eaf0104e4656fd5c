using Classifier.Engine.Persistence;
using Classifier.MlNet;
using Classifier.Tests.Labelling;
using Classifier.Tests.Support;
using Classifier.Trainer.Commands;
using Classifier.Trainer.Labelling;

namespace Classifier.Tests.MlNet;

/// <summary>The terminal labeller takes a model whose heads ML.NET trained as it takes ours: suggestions, uncertainty order, retraining.</summary>
public sealed class MlNetLabellerTests
{
    [Fact]
    public void The_labeller_suggests_from_and_retrains_an_mlnet_model()
    {
        using var dir = new TempDir();
        var train = dir.Write("train.csv", Fixtures.StanceCsv(articles: 6));
        var model = dir.File("m.zip");
        var fit = CliRun.Trainer("train", "--data", train, "--model", model, "--trainer", "mlnet-sdca", "--set", "iterations=10", "--cv", "none");
        Assert.True(fit.ExitCode == 0, fit.ToString());
        var paragraphs = "id,article,text\n" + string.Concat(LabellingFixtures.Rows(train).Take(10).Select((r, i) => $"p{i},{r[1]},{r[2]}\n"));
        dir.Write("paragraphs.csv", paragraphs);
        var output = new StringWriter();
        var args = new LabelArguments(dir.File("paragraphs.csv"), dir.File("labels.csv"), model, null, "uncertain", "tester", "-", RetrainEvery: 4, TrainData: [train]);
        LabelCommand.Execute(args, new ReaderKeySource(new StringReader("s1k2n1s2\nn2q")), output, null);
        var text = output.ToString();
        Assert.Contains("model: stance", text);
        Assert.Matches("retrained on 36 training rows \\+ 4 answers|kept the current model", text);
        Assert.Equal(6, LabellingFixtures.Rows(dir.File("labels.csv")).Count);
        // Whatever the retraining decided, the model file is still an ML.NET model that loads.
        var loaded = ModelFile.Load(model);
        Assert.All(loaded.Heads, h => Assert.IsType<MlNetModel>(h.Model));
    }
}
