using Classifier.Labelling;
using Classifier.Tests.Support;
using Classifier.Text.Datasets;
using Classifier.Text.Labelling;

namespace Classifier.Tests.Labelling;

/// <summary>The rows the CSV label store writes, and that train, agreement and the dataset reader read them as meant.</summary>
public class LabellingCsvStoreTests
{
    private static LabelRecord Answer(string id, string stance, string topic, string note = "") =>
        new(id, id[..1], $"text of {id}", [stance, topic], "tester", note, DateTimeOffset.UtcNow);

    [Fact]
    public void Append_change_and_undo_each_append_one_documented_row()
    {
        using var dir = new TempDir();
        var labels = dir.File("labels.csv");
        using (var store = CsvLabelStore.Open(labels))
        {
            store.Append(Answer("a:1", "pro-serbia", "security"));
            store.Change(Answer("a:1", "neutral", "diplomacy", "on reflection"));
            var restored = store.Undo("a:1", "tester");
            Assert.Equal(["pro-serbia", "security"], restored.After!.Labels);
            var withdrawn = store.Undo("a:1", "tester");
            Assert.Null(withdrawn.After);
            Assert.Equal(4, withdrawn.Row);
            Assert.Equal(RejectionKind.NothingToUndo, Assert.Throws<AnswerRejectedException>(() => store.Undo("a:1", "tester")).Kind);
        }
        var rows = LabellingFixtures.Rows(labels);
        Assert.Equal(LabelsFile.DefaultColumns, LabellingFixtures.Columns(labels));
        Assert.Equal(["a:1", "a:1", "a:1", "a:1"], rows.Select(r => r[0]));
        Assert.Equal(["pro-serbia", "neutral", "pro-serbia", ""], rows.Select(r => r[3]));
        Assert.Equal(["security", "diplomacy", "security", ""], rows.Select(r => r[4]));
        Assert.Equal(["", "on reflection", "", CsvLabelStore.WithdrawnNote], rows.Select(r => r[6]));
        // The withdrawal keeps the text, so readers that skip rows without text still see it replace the answer.
        Assert.All(rows, r => Assert.Equal("text of a:1", r[2]));
        Assert.Empty(LabellingFixtures.Effective(labels));
    }

    [Fact]
    public void The_dataset_reader_and_agreement_read_changes_as_corrections_and_withdrawals_as_no_label()
    {
        using var dir = new TempDir();
        var labels = dir.File("labels.csv");
        using (var store = CsvLabelStore.Open(labels))
        {
            store.Append(Answer("a:1", "pro-serbia", "security"));
            store.Append(Answer("a:2", "neutral", "security"));
            store.Change(Answer("a:1", "pro-kosovo", "history"));
            store.Undo("a:2", "tester");
        }
        var data = LabelledCsvReader.Read(labels, new LabelledCsvOptions(["text"], ["stance", "topic"]));
        Assert.Equal(["a:1", "a:2"], data.Ids);
        Assert.Equal(["pro-kosovo", "history"], data.Labels[0].Select(l => l ?? "-"));
        Assert.All(data.Labels[1], Assert.Null);
        Assert.Equal(2, data.OverriddenRows);

        var other = dir.Write("other.csv", "id,text,stance,topic\na:1,x,pro-kosovo,history\na:2,x,neutral,security\n");
        var stance = Agreement.Compare(labels, other).Single(r => r.Column == "stance");
        // a:2 was withdrawn: only a:1 is compared.
        Assert.Equal(1, stance.Count);
        Assert.Equal(1.0, stance.PercentAgreement);
    }

    [Fact]
    public void Trainer_train_trains_on_a_file_with_corrections_and_a_withdrawal()
    {
        using var dir = new TempDir();
        var labels = dir.Write("labels.csv", Fixtures.StanceCsv(articles: 4));
        var first = LabellingFixtures.Rows(labels)[0];
        using (var store = CsvLabelStore.Open(labels))
        {
            store.Change(new LabelRecord(first[0], first[1], first[2], ["neutral", first[4]], "tester", "", DateTimeOffset.UtcNow));
            store.Undo(first[0], "tester");
            // The file's own row is no answer of this store's: nothing more to undo for it.
            Assert.Throws<AnswerRejectedException>(() => store.Undo(first[0], "tester"));
            store.Append(new LabelRecord("new:1", "n", "a paragraph answered and taken back", ["neutral", "security"], "tester", "", DateTimeOffset.UtcNow));
            store.Undo("new:1", "tester");
        }
        // The change, the undo that restores the file's answer, the new answer and its withdrawal.
        Assert.Equal(["neutral", first[3], "neutral", ""], LabellingFixtures.Rows(labels)[^4..].Select(r => r[3]));
        var run = CliRun.Trainer("train", "--data", labels, "--model", dir.File("m.zip"), "--trainer", "nb", "--cv", "none");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("repeat an earlier id", run.Error);
    }

    [Fact]
    public void Every_answer_is_on_disk_before_the_call_returns_while_the_store_is_still_open()
    {
        using var dir = new TempDir();
        var labels = dir.File("labels.csv");
        using var store = CsvLabelStore.Open(labels);
        for (int i = 1; i <= 4; i++)
        {
            store.Append(Answer($"a:{i}", "neutral", "other"));
            // Another reader, as after a kill -9 of this process: the row is there, whole.
            Assert.Equal(i, LabellingFixtures.Rows(labels).Count);
            Assert.Equal("other", LabellingFixtures.Rows(labels)[^1][4]);
        }
    }
}
