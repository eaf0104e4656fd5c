using Classifier.Tests.Support;
using Classifier.Labelling;

namespace Classifier.Tests.Labelling;

public class LabellingAgreementTests
{
    [Fact]
    public void Kappa_agreement_and_confusion_on_a_hand_computed_example()
    {
        // 10 shared ids. A/B stance: 4 × (ps, ps), 1 × (ps, pk), 2 × (pk, ps), 3 × (pk, pk).
        // p_o = 7/10; A: 5 ps, 5 pk; B: 6 ps, 4 pk; p_e = .5·.6 + .5·.4 = .5; kappa = (.7 − .5)/(1 − .5) = 0.4.
        using var dir = new TempDir();
        string[] a = ["pro-serbia", "pro-serbia", "pro-serbia", "pro-serbia", "pro-serbia", "pro-kosovo", "pro-kosovo", "pro-kosovo", "pro-kosovo", "pro-kosovo"];
        string[] b = ["pro-serbia", "pro-serbia", "pro-serbia", "pro-serbia", "pro-kosovo", "pro-serbia", "pro-serbia", "pro-kosovo", "pro-kosovo", "pro-kosovo"];
        var fileA = "id,stance,topic,annotator\n" + string.Concat(a.Select((s, i) => $"p{i},{s},security,ann-a\n")) + "only-a,neutral,other,ann-a\n";
        // B relabels p3 (a later row is a correction and wins), writes one label in other case, and has an id A lacks.
        var fileB = "id,text,stance,annotator\np3,t,neutral,ann-b\n" +
            string.Concat(b.Select((s, i) => $"p{i},t,{(i == 0 ? "Pro-Serbia" : s)},ann-b\n")) + "p99,t,neutral,ann-b\n";
        var pathA = dir.Write("a.csv", fileA);
        var pathB = dir.Write("b.csv", fileB);

        var results = Agreement.Compare(pathA, pathB);
        var stance = Assert.Single(results);
        Assert.Equal("stance", stance.Column);
        Assert.Equal(10, stance.Count);
        Assert.Equal(0.7, stance.PercentAgreement, 9);
        Assert.Equal(0.4, stance.Kappa, 9);
        Assert.Equal(["pro-serbia", "pro-kosovo", "neutral"], stance.Labels);
        Assert.Equal(4, stance.Confusion.Count(0, 0));
        Assert.Equal(1, stance.Confusion.Count(0, 1));
        Assert.Equal(2, stance.Confusion.Count(1, 0));
        Assert.Equal(3, stance.Confusion.Count(1, 1));

        var run = CliRun.Trainer("agreement", pathA, pathB);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("0.400", run.Output);
        Assert.Contains("0.700", run.Output);
    }

    [Fact]
    public void Perfect_and_chance_agreement()
    {
        var perfect = Agreement.Score("topic", [("security", "security"), ("economy", "economy"), ("history", "history")]);
        Assert.Equal(1.0, perfect.Kappa, 9);
        // B always says the same: agreement by chance only.
        var chance = Agreement.Score("label", [("x", "x"), ("y", "x"), ("x", "x"), ("y", "x")]);
        Assert.Equal(0.5, chance.PercentAgreement, 9);
        Assert.Equal(0.0, chance.Kappa, 9);
        Assert.Equal(["x", "y"], chance.Labels);
    }

    [Fact]
    public void Files_without_shared_label_columns_or_ids_are_refused()
    {
        using var dir = new TempDir();
        var a = dir.Write("a.csv", "id,stance\n1,neutral\n");
        var b = dir.Write("b.csv", "id,topic\n1,other\n");
        Assert.Equal(3, CliRun.Trainer("agreement", a, b).ExitCode);
        var c = dir.Write("c.csv", "id,stance\n2,neutral\n");
        var run = CliRun.Trainer("agreement", a, c);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("no id is labelled in both", run.Error);
    }
}
