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

        Assert.Equal(["id", "article", "text", "stance", "stance_confidence", "topic", "topic_confidence", "rules"], LabellingFixtures.Columns(output));
        var rows = LabellingFixtures.Rows(output).ToDictionary(r => r[0]);
        Assert.Equal(8, rows.Count);
        Assert.Equal("pro-serbia", rows["a:1"][3]);
        Assert.Equal("", rows["a:1"][5]);
        Assert.Equal("ps", rows["a:1"][7]);
        Assert.Equal("pro-kosovo", rows["b:1"][3]);
        Assert.Equal("security", rows["b:1"][5]);
        Assert.Equal("pk;sec", rows["b:1"][7]);
        Assert.Equal("dialogue", rows["a:4"][5]);
        Assert.Equal("", rows["a:4"][3]);
        Assert.Equal("", rows["a:4"][4]);
        // Abstain-only row: no labels, no confidence, no rules.
        Assert.Equal(["", "", "", "", ""], rows["b:4"][3..]);
        Assert.InRange(double.Parse(rows["b:1"][4], System.Globalization.CultureInfo.InvariantCulture), 0.5, 1.0);

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

public class LabellingAutolabelOptionsTests
{
    [Fact]
    public void Other_text_and_id_columns_and_a_bad_gold_label_named_by_row()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "key,body\nk1,Serbia-backed gunmen attacked the police.\nk2,The weather was mild.\n");
        var rules = dir.Write("rules.json", LabellingFixtures.Rules);
        var output = dir.File("weak.csv");
        var run = CliRun.Trainer("autolabel", "--rules", rules, "--in", input, "--out", output, "--text-col", "body", "--id-col", "key");
        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = LabellingFixtures.Rows(output);
        Assert.Equal(["k1", "k2"], rows.Select(r => r[0]));
        Assert.Equal("pro-kosovo", rows[0][3]);

        var gold = dir.Write("gold.csv", "key,stance,topic\nk1,pro-kosovo,security\nk2,pro-kosov,other\n");
        var bad = CliRun.Trainer("autolabel", "--rules", rules, "--in", input, "--out", dir.File("weak2.csv"), "--text-col", "body", "--id-col", "key", "--gold", gold);
        Assert.Equal(3, bad.ExitCode);
        Assert.Contains("gold.csv:3:2", bad.Error);
        Assert.Contains("pro-kosovo", bad.Error);
        Assert.False(File.Exists(dir.File("weak2.csv")));
    }

    [Fact]
    public void The_labeller_refuses_a_bad_rule_file_before_taking_the_lock()
    {
        using var dir = new TempDir();
        var input = dir.Write("paragraphs.csv", LabellingFixtures.Paragraphs);
        var rules = dir.Write("rules.json", LabellingFixtures.Rules.Replace("\"security\"", "\"securty\"", StringComparison.Ordinal));
        var keys = dir.Write("keys.txt", "s1q");
        var run = CliRun.Trainer("label", "--in", input, "--labels", dir.File("labels.csv"), "--rules", rules, "--keys", keys);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("'sec'", run.Error);
        Assert.Contains("securty", run.Error);
        Assert.False(File.Exists(dir.File("labels.csv")));
        Assert.False(File.Exists(dir.File("labels.csv.lock")));
    }
}
