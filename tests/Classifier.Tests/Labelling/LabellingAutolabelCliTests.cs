using Classifier.Tests.Support;
using Classifier.Text.Datasets;

namespace Classifier.Tests.Labelling;

public class LabellingAutolabelCliTests
{
    [Fact]
    public void Autolabel_writes_labels_confidences_and_rules_and_scores_against_gold()
    {
        using var dir = new TempDir();
        var input = dir.Write("paragraphs.csv", LabellingFixtures.Paragraphs);
        var rules = dir.Write("rules.json", LabellingFixtures.Rules);
        var gold = dir.Write("labels.csv", LabellingFixtures.Gold);
        var output = dir.File("out/weak.csv");
        var report = dir.File("rules.md");
        var run = CliRun.Trainer("autolabel", "--rules", rules, "--in", input, "--out", output, "--gold", gold, "--report", report);
        Assert.True(run.ExitCode == 0, run.ToString());

        Assert.Equal(["id", "text", "stance", "stance_confidence", "topic", "topic_confidence", "rules"], LabellingFixtures.Columns(output));
        var rows = LabellingFixtures.Rows(output).ToDictionary(r => r[0]);
        Assert.Equal(8, rows.Count);
        Assert.Equal("pro-serbia", rows["a:1"][2]);
        Assert.Equal("", rows["a:1"][4]);
        Assert.Equal("ps", rows["a:1"][6]);
        Assert.Equal("pro-kosovo", rows["b:1"][2]);
        Assert.Equal("security", rows["b:1"][4]);
        Assert.Equal("pk;sec", rows["b:1"][6]);
        Assert.Equal("dialogue", rows["a:4"][4]);
        Assert.Equal("", rows["a:4"][2]);
        Assert.Equal("", rows["a:4"][3]);
        // Abstain-only row: no labels, no confidence, no rules.
        Assert.Equal(["", "", "", "", ""], rows["b:4"][2..]);
        Assert.InRange(double.Parse(rows["b:1"][3], System.Globalization.CultureInfo.InvariantCulture), 0.5, 1.0);

        // The Snorkel-style table and the combined accuracy against gold.
        Assert.Contains("emp. acc.", run.Error);
        Assert.Contains("learned weight", run.Error);
        var md = File.ReadAllText(report);
        Assert.Contains("| rule | head | polarity | coverage | overlaps | conflicts | correct | incorrect | empirical accuracy | learned weight |", md);
        // sec fires on a:2 and b:1 (both security in gold): coverage 2/8, correct 2.
        Assert.Contains("| sec | topic | security | 0.250 | 0.000 | 0.000 | 2 | 0 | 1.000 |", md);
        // eco fires on b:3 only, economy in gold.
        Assert.Contains("| eco | topic | economy | 0.125 | 0.000 | 0.000 | 1 | 0 | 1.000 |", md);
        // stance: a:1, a:3, b:1 labelled, all right; 6 gold rows -> coverage 0.5, accuracy 1.
        Assert.Contains("| stance | weighted-majority", md);
        Assert.Contains("| 8 | 3 | 6 | 0.500 | 1.000 |", md);

        // The weak file trains: the reader of `trainer train --weak` accepts it.
        var weak = LabelledCsvReader.Read(output, new LabelledCsvOptions(["text"], ["stance", "topic"]));
        Assert.Equal(8, weak.Count);
    }

    [Fact]
    public void Autolabel_with_a_bad_rule_fails_with_exit_3_naming_the_rule_and_writes_nothing()
    {
        using var dir = new TempDir();
        var input = dir.Write("paragraphs.csv", LabellingFixtures.Paragraphs);
        var rules = dir.Write("rules.json", LabellingFixtures.Rules.Replace("\"restraint\"]", "\"restraint(\"]", StringComparison.Ordinal));
        var output = dir.File("weak.csv");
        var run = CliRun.Trainer("autolabel", "--rules", rules, "--in", input, "--out", output);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("'neu'", run.Error);
        Assert.False(File.Exists(output));
    }
}
