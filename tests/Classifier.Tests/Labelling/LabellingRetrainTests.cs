using Classifier.Engine.Persistence;
using Classifier.Tests.Support;
using Classifier.Text.Labels;
using Classifier.Trainer.Commands;
using Classifier.Trainer.Labelling;

namespace Classifier.Tests.Labelling;

public class LabellingRetrainTests
{
    /// <summary>The keys that answer a row with its stance, or with the next stance round (a wrong answer).</summary>
    private static string Keys(string[] row, bool wrong)
    {
        int stance = LabelSchema.Stances.ToList().IndexOf(row[3]);
        if (wrong) stance = (stance + 1) % 3;
        return $"{LabelSession.StanceKeys[stance]}{LabelSchema.Topics.ToList().IndexOf(row[4]) + 1}";
    }

    private static string Session(TempDir dir, string model, string keys, int every, string[]? trainData)
    {
        var output = new StringWriter();
        var args = new LabelArguments(dir.File("paragraphs.csv"), dir.File("labels.csv"), model, null, "sequential", "tester", "-",
            RetrainEvery: every, TrainData: trainData);
        LabelCommand.Execute(args, new ReaderKeySource(new StringReader(keys)), output, null);
        return output.ToString();
    }

    /// <summary>The model's suggestion line shown for paragraph <paramref name="id"/> (its first showing).</summary>
    private static string ModelLineFor(string text, string id)
    {
        var lines = text.Split('\n');
        int at = Array.FindIndex(lines, l => l.StartsWith($"paragraph {id}", StringComparison.Ordinal));
        return lines.Skip(at).First(l => l.StartsWith("model: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Retraining_trains_on_the_models_data_plus_the_answers_and_keeps_what_the_model_knew()
    {
        using var dir = new TempDir();
        var (model, train, fresh) = LabellingFixtures.TrainedModelAndFreshParagraphs(dir);
        var keys = string.Concat(fresh.Take(3).Select(r => Keys(r, wrong: false))) + "q";
        var text = Session(dir, model, keys, every: 3, [train]);
        Assert.Contains("retrained on 36 training rows + 3 answers", text);
        // After retraining on 3 answers the suggestion for q3 is still its true stance.
        Assert.StartsWith($"model: stance {fresh[3][3]} (", ModelLineFor(text, "q3"));
    }

    [Fact]
    public void A_retrained_model_that_cross_validates_worse_is_not_swapped_in()
    {
        using var dir = new TempDir();
        var (model, train, fresh) = LabellingFixtures.TrainedModelAndFreshParagraphs(dir);
        var stance = ModelFile.Load(model).Predict(fresh[18][2]).Single(h => h.Head == "stance");
        var before = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"model: stance {stance.Label} ({stance.Confidence:0.00})");
        // 18 answers, every stance wrong: trained with them, the recipe cross-validates worse.
        var keys = string.Concat(fresh.Take(18).Select(r => Keys(r, wrong: true))) + "q";
        var text = Session(dir, model, keys, every: 18, [train]);
        Assert.Contains("kept the current model", text);
        Assert.Contains("cross-validated macro-F1 is worse", text);
        Assert.DoesNotContain("retrained on", text);
        Assert.StartsWith(before, ModelLineFor(text, "q18"));
    }

    [Fact]
    public void Without_the_models_training_data_retraining_is_refused_and_says_why()
    {
        using var dir = new TempDir();
        var (model, _, fresh) = LabellingFixtures.TrainedModelAndFreshParagraphs(dir);
        var keys = string.Concat(fresh.Take(3).Select(r => Keys(r, wrong: false))) + "q";
        var text = Session(dir, model, keys, every: 3, null);
        Assert.Contains("retraining is off", text);
        Assert.Contains("--train-data", text);
        Assert.DoesNotContain("retrained on", text);

        var other = dir.Write("other.csv", Fixtures.StanceCsv(articles: 4, seed: 5));
        File.Delete(dir.File("labels.csv"));
        text = Session(dir, model, keys, every: 3, [other]);
        Assert.Contains("is not the data", text);
        Assert.DoesNotContain("retrained on", text);
    }

    [Fact]
    public void The_manifest_recipe_is_the_one_the_model_was_trained_with()
    {
        using var dir = new TempDir();
        var (model, _, _) = LabellingFixtures.TrainedModelAndFreshParagraphs(dir);
        var loaded = ModelFile.Load(model);
        Assert.All(loaded.Heads, h => Assert.Equal("nb", h.Trainer));
    }
}
