using Classifier.Labelling;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;
using Classifier.Text.Labelling;

namespace Classifier.Tests.Labelling;

/// <summary>Unknown labels and ids, two writers on one paragraph, and a labels file edited while a session runs.</summary>
public class LabellingBadInputTests
{
    private static LabellingSession Session(TempDir dir, ILabelStore store) =>
        new(new LabellingSessionOptions(ParagraphRows.Read(dir.Write("paragraphs.csv", LabellingFixtures.Paragraphs)), store, null, null, SessionOrder.Sequential, "tester"));

    [Fact]
    public void An_unknown_label_value_is_refused_naming_the_head_and_the_nearest_value_and_nothing_is_written()
    {
        using var dir = new TempDir();
        using var store = CsvLabelStore.Open(dir.File("labels.csv"));
        var session = Session(dir, store);
        var ex = Assert.Throws<AnswerRejectedException>(() => session.Answer("a:1", ["pro-serbai", "security"]));
        Assert.Equal(RejectionKind.UnknownLabel, ex.Kind);
        Assert.Contains("unknown stance label 'pro-serbai'", ex.Message);
        Assert.Contains("did you mean 'pro-serbia'?", ex.Hint);
        var missing = Assert.Throws<AnswerRejectedException>(() => session.Answer("a:1", ["neutral"]));
        Assert.Equal(RejectionKind.MissingLabel, missing.Kind);
        Assert.Equal(RejectionKind.MissingLabel, Assert.Throws<AnswerRejectedException>(() => session.Answer("a:1", ["neutral", " "])).Kind);
        Assert.False(File.Exists(dir.File("labels.csv")));
        Assert.Equal("a:1", session.Current!.Id);
    }

    [Fact]
    public void A_paragraph_id_that_does_not_exist_is_refused_for_answer_change_skip_and_view()
    {
        using var dir = new TempDir();
        using var store = CsvLabelStore.Open(dir.File("labels.csv"));
        var session = Session(dir, store);
        var ex = Assert.Throws<AnswerRejectedException>(() => session.Answer("zz:9", ["neutral", "other"]));
        Assert.Equal(RejectionKind.UnknownParagraph, ex.Kind);
        Assert.Contains("'zz:9'", ex.Message);
        Assert.Equal(RejectionKind.UnknownParagraph, Assert.Throws<AnswerRejectedException>(() => session.Change("zz:9", ["neutral", "other"])).Kind);
        Assert.Equal(RejectionKind.UnknownParagraph, Assert.Throws<AnswerRejectedException>(() => session.Skip("zz:9")).Kind);
        Assert.Equal(RejectionKind.UnknownParagraph, Assert.Throws<AnswerRejectedException>(() => session.View("zz:9")).Kind);
        // Changing what has no answer is refused too.
        Assert.Equal(RejectionKind.NotAnswered, Assert.Throws<AnswerRejectedException>(() => session.Change("a:1", ["neutral", "other"])).Kind);
        Assert.False(File.Exists(dir.File("labels.csv")));
    }

    [Fact]
    public void Two_tabs_answering_the_same_paragraph_write_one_row_and_the_second_is_told_to_change_it()
    {
        using var dir = new TempDir();
        using var store = CsvLabelStore.Open(dir.File("labels.csv"));
        var first = Session(dir, store);
        var second = Session(dir, store);
        Assert.Equal("a:1", second.Current!.Id);
        first.Answer("a:1", ["neutral", "other"]);
        var ex = Assert.Throws<AnswerRejectedException>(() => second.Answer("a:1", ["pro-kosovo", "security"]));
        Assert.Equal(RejectionKind.AlreadyAnswered, ex.Kind);
        Assert.Contains("neutral, other", ex.Message);
        // The second tab moves on past it, and can still change it on purpose.
        Assert.Equal("a:2", second.Current!.Id);
        second.Change("a:1", ["pro-kosovo", "security"]);
        Assert.Equal(["a:1", "a:1"], LabellingFixtures.Rows(dir.File("labels.csv")).Select(r => r[0]));
    }

    [Fact]
    public void Many_threads_answering_one_paragraph_at_once_give_exactly_one_answer_and_a_well_formed_file()
    {
        using var dir = new TempDir();
        using var store = CsvLabelStore.Open(dir.File("labels.csv"));
        var sessions = Enumerable.Range(0, 8).Select(_ => Session(dir, store)).ToArray();
        int saved = 0, refused = 0;
        Parallel.ForEach(sessions, s =>
        {
            try
            {
                s.Answer("b:2", ["neutral", "governance"], "a long note, with a comma and \"quotes\"");
                Interlocked.Increment(ref saved);
            }
            catch (AnswerRejectedException ex) when (ex.Kind == RejectionKind.AlreadyAnswered)
            {
                Interlocked.Increment(ref refused);
            }
        });
        Assert.Equal((1, 7), (saved, refused));
        var rows = LabellingFixtures.Rows(dir.File("labels.csv"));
        Assert.Equal("b:2", Assert.Single(rows)[0]);
        Assert.Equal("a long note, with a comma and \"quotes\"", rows[0][6]);
    }

    [Fact]
    public void A_second_process_is_refused_by_the_lock_while_a_store_is_open()
    {
        using var dir = new TempDir();
        var labels = dir.File("labels.csv");
        using (var store = CsvLabelStore.Open(labels))
        {
            var ex = Assert.Throws<InputException>(() => CsvLabelStore.Open(labels));
            Assert.Contains("another labelling session", ex.Message);
            Assert.True(File.Exists(LabelsLock.LockPathOf(labels)));
        }
        Assert.False(File.Exists(LabelsLock.LockPathOf(labels)));
        using var again = CsvLabelStore.Open(labels);
    }

    [Fact]
    public void A_labels_file_rewritten_on_disk_stops_the_session_writing_and_keeps_the_edit()
    {
        using var dir = new TempDir();
        var labels = dir.File("labels.csv");
        using var store = CsvLabelStore.Open(labels);
        var session = Session(dir, store);
        session.Answer("a:1", ["neutral", "other"]);
        session.Answer("a:2", ["neutral", "security"]);
        // Someone deletes a row by hand while the session runs.
        var edited = string.Join("", File.ReadAllLines(labels).Take(2).Select(l => l + "\n"));
        File.WriteAllText(labels, edited);
        var ex = Assert.Throws<LabelsFileChangedException>(() => session.Answer("a:3", ["neutral", "dialogue"]));
        Assert.Contains("changed on disk", ex.Message);
        Assert.Contains("shrank", ex.Message);
        Assert.Equal(labels, ex.File);
        Assert.Equal(edited, File.ReadAllText(labels));
        // Undo would write too: refused as well.
        Assert.Throws<LabelsFileChangedException>(() => session.Undo());
        Assert.Equal(edited, File.ReadAllText(labels));
    }

    [Fact]
    public void A_same_size_edit_in_place_is_detected_by_the_last_row()
    {
        using var dir = new TempDir();
        var labels = dir.File("labels.csv");
        using var store = CsvLabelStore.Open(labels);
        var session = Session(dir, store);
        session.Answer("a:1", ["neutral", "security"]);
        var text = File.ReadAllText(labels);
        var edited = text.Replace("neutral,security", "neutral,diplomac", StringComparison.Ordinal);
        Assert.Equal(text.Length, edited.Length);
        File.WriteAllText(labels, edited);
        Assert.Throws<LabelsFileChangedException>(() => session.Answer("a:2", ["neutral", "security"]));
        Assert.Equal(edited, File.ReadAllText(labels));
    }

    [Fact]
    public void Rows_appended_by_someone_else_are_read_in_reported_and_not_answered_twice()
    {
        using var dir = new TempDir();
        var labels = dir.File("labels.csv");
        using var store = CsvLabelStore.Open(labels);
        var session = Session(dir, store);
        session.Answer("a:1", ["neutral", "other"]);
        File.AppendAllText(labels, "a:2,a,x,pro-kosovo,security,someone,,2020-01-01T00:00:00Z\n");
        var ex = Assert.Throws<AnswerRejectedException>(() => session.Answer("a:2", ["neutral", "security"]));
        Assert.Equal(RejectionKind.AlreadyAnswered, ex.Kind);
        Assert.Contains("someone", ex.Message);
        Assert.Contains(session.TakeNotices(), n => n.Contains("1 row(s) were appended", StringComparison.Ordinal) && n.Contains("a:2", StringComparison.Ordinal));
        Assert.Empty(session.TakeNotices());
        Assert.Equal("a:3", session.Current!.Id);
        session.Answer("a:3", ["neutral", "dialogue"]);
        Assert.Equal(["a:1", "a:2", "a:3"], LabellingFixtures.Rows(labels).Select(r => r[0]));
        // Undo does not take back someone else's answer of an id this session answered.
        File.AppendAllText(labels, "a:3,a,x,pro-serbia,history,someone,,2020-01-01T00:00:00Z\n");
        Assert.Equal(RejectionKind.NothingToUndo, Assert.Throws<AnswerRejectedException>(() => session.Undo()).Kind);
        Assert.Equal(["pro-serbia", "history"], store.Find("a:3")!.Labels);
    }
}
