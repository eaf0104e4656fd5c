using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;
using Classifier.Text.Labelling;
using Classifier.Trainer.Commands;
using Classifier.Trainer.Labelling;

namespace Classifier.Tests.Labelling;

public class LabellingSessionTests
{
    /// <summary>Keys from a string that "kill" the session (throw) once a number of keys have been read.</summary>
    private sealed class DyingKeySource(string keys, int dieAfter) : IKeySource
    {
        private readonly ReaderKeySource _inner = new(new StringReader(keys));
        private int _read;

        public int ReadKey()
        {
            if (_read++ == dieAfter) throw new IOException("killed");
            return _inner.ReadKey();
        }

        public string? ReadLine() => _inner.ReadLine();
    }

    private static LabelArguments Args(TempDir dir, string? rules = null, string order = "sequential") =>
        new(dir.File("paragraphs.csv"), dir.File("labels.csv"), null, rules, order, "tester", "-");

    private static string Session(TempDir dir, string keys, string? rules = null, string order = "sequential")
    {
        var output = new StringWriter();
        LabelCommand.Execute(Args(dir, rules, order), new ReaderKeySource(new StringReader(keys)), output, null);
        return output.ToString();
    }

    private static TempDir NewDir()
    {
        var dir = new TempDir();
        dir.Write("paragraphs.csv", LabellingFixtures.Paragraphs);
        return dir;
    }

    [Fact]
    public void Label_three_quit_resume_label_more_without_duplicates_or_losses()
    {
        using var dir = NewDir();
        var text = Session(dir, "s1k2n3q");
        Assert.Contains("Saved 3 answer(s)", text);
        var rows = LabellingFixtures.Rows(dir.File("labels.csv"));
        Assert.Equal(LabelsFile.DefaultColumns, LabellingFixtures.Columns(dir.File("labels.csv")));
        Assert.Equal(["a:1", "a:2", "a:3"], rows.Select(r => r[0]));
        Assert.Equal(["pro-serbia", "pro-kosovo", "neutral"], rows.Select(r => r[3]));
        Assert.Equal(["diplomacy", "security", "dialogue"], rows.Select(r => r[4]));
        Assert.All(rows, r => Assert.Equal("tester", r[5]));
        Assert.All(rows, r => Assert.True(DateTimeOffset.TryParse(r[7], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _), r[7]));
        Assert.Equal("a", rows[0][1]);
        Assert.False(File.Exists(dir.File("labels.csv.lock")));

        // The next session starts at a:4 and goes on to the end of the key stream.
        text = Session(dir, "n4k2");
        Assert.Contains("paragraph a:4", text);
        Assert.DoesNotContain("paragraph a:1 ", text);
        rows = LabellingFixtures.Rows(dir.File("labels.csv"));
        Assert.Equal(["a:1", "a:2", "a:3", "a:4", "b:1"], rows.Select(r => r[0]));
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
    }

    [Fact]
    public void A_session_killed_mid_way_keeps_every_answer_given_and_resumes()
    {
        using var dir = NewDir();
        // The session dies reading its 6th key: "s1", "k2" are complete answers, "n" is half of the third.
        var output = new StringWriter();
        Assert.Throws<IOException>(() => LabelCommand.Execute(Args(dir), new DyingKeySource("s1k2n3s4", 5), output, null));
        var rows = LabellingFixtures.Rows(dir.File("labels.csv"));
        Assert.Equal(["a:1", "a:2"], rows.Select(r => r[0]));
        // Half an answer (the stance of a:3) is not written.
        Assert.DoesNotContain(rows, r => r[0] == "a:3");

        var text = Session(dir, "n3s4");
        Assert.Contains("Saved 2 answer(s)", text);
        rows = LabellingFixtures.Rows(dir.File("labels.csv"));
        Assert.Equal(["a:1", "a:2", "a:3", "a:4"], rows.Select(r => r[0]));
    }

    [Fact]
    public void Undo_skip_note_and_accepting_the_rules_suggestion()
    {
        using var dir = NewDir();
        var rules = dir.Write("rules.json", LabellingFixtures.Rules);
        // a:1: rules suggest pro-serbia, no topic -> Enter asks for the topic, 5 gives it.
        // a:2: s1 then undo -> a:2 comes back; x skips it; a:3: note then k3.
        var text = Session(dir, "\n5s1uxcquoted, note\nk3q", rules);
        Assert.Contains("no suggestion for topic", text);
        Assert.Contains("undid a:2", text);
        // The undo appends a row withdrawing a:2 (nothing is cut from the file): what the file says is a:1 and a:3.
        Assert.Equal(["a:1", "a:2", "a:2", "a:3"], LabellingFixtures.Rows(dir.File("labels.csv")).Select(r => r[0]));
        var rows = LabellingFixtures.Effective(dir.File("labels.csv"));
        Assert.Equal(["a:1", "a:3"], rows.Select(r => r[0]));
        Assert.Equal(["pro-serbia", "history"], rows[0][3..5]);
        Assert.Equal(["pro-kosovo", "dialogue"], rows[1][3..5]);
        Assert.Equal("quoted, note", rows[1][6]);
    }

    [Fact]
    public void B_steps_back_through_the_sessions_answers_and_a_full_choice_changes_one()
    {
        using var dir = NewDir();
        // a:1, a:2 answered; b b goes back to a:1, n3 changes it; then the queue goes on at a:3.
        var text = Session(dir, "s1k2bbn3s4q");
        Assert.Contains("changing the earlier answer pro-serbia, diplomacy", text);
        Assert.Contains("changed a:1: neutral, dialogue", text);
        var rows = LabellingFixtures.Rows(dir.File("labels.csv"));
        Assert.Equal(["a:1", "a:2", "a:1", "a:3"], rows.Select(r => r[0]));
        Assert.Equal(["neutral", "dialogue"], LabellingFixtures.Effective(dir.File("labels.csv"))[0][3..5]);
        Assert.Contains("Saved 3 answer(s)", text);
    }

    [Fact]
    public void B_with_no_earlier_answer_says_so_and_x_leaves_an_earlier_answer_as_it_was()
    {
        using var dir = NewDir();
        var text = Session(dir, "bs1bxk2q");
        Assert.Contains("no earlier answer in this session", text);
        Assert.Contains("left a:1 as it was", text);
        Assert.Equal(["a:1", "a:2"], LabellingFixtures.Rows(dir.File("labels.csv")).Select(r => r[0]));
    }

    [Fact]
    public void Uncertain_order_without_a_model_starts_with_what_the_rules_cannot_label()
    {
        using var dir = NewDir();
        var rules = dir.Write("rules.json", LabellingFixtures.Rules);
        var text = Session(dir, "q", rules, "uncertain");
        // b:4 (no rule fires) comes before anything the rules label.
        Assert.Contains("paragraph b:4", text);
        Assert.DoesNotContain("paragraph a:1", text);
    }

    [Fact]
    public void A_second_session_is_refused_by_the_lock()
    {
        using var dir = NewDir();
        var labels = dir.File("labels.csv");
        using (LabelsLock.Acquire(labels))
        {
            var ex = Assert.Throws<InputException>(() => Session(dir, "s1q"));
            Assert.Contains("another labelling session", ex.Message);
            Assert.Contains(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        }
        Assert.False(File.Exists(labels));
        Session(dir, "s1q");
        Assert.Single(LabellingFixtures.Rows(labels));
    }

    [Fact]
    public void A_labels_file_with_a_bad_row_is_refused_with_its_row_number_and_left_untouched()
    {
        using var dir = NewDir();
        var labels = dir.Write("labels.csv", LabellingFixtures.Gold.Replace("b:2,b,x,neutral", "b:2,b,x,nuetral", StringComparison.Ordinal));
        var before = File.ReadAllBytes(labels);
        var ex = Assert.Throws<InputException>(() => Session(dir, "s1q"));
        Assert.Equal(6, ex.Line);
        Assert.Contains("nuetral", ex.Message);
        Assert.Contains("neutral", ex.Hint);
        Assert.Equal(before, File.ReadAllBytes(labels));
        Assert.False(File.Exists(labels + ".lock"));

        File.WriteAllText(labels, "id,article,text,stance,topic,annotator,note\na:1,a,x,pro-serbia,security,g,\na:2,a,x,neutral\n");
        before = File.ReadAllBytes(labels);
        var count = Assert.Throws<InputException>(() => Session(dir, "s1q"));
        Assert.Equal(3, count.Line);
        Assert.Equal(before, File.ReadAllBytes(labels));
    }

    [Fact]
    public void A_gold_file_gains_labelled_at_once_and_stays_readable()
    {
        using var dir = NewDir();
        var labels = dir.Write("labels.csv", LabellingFixtures.Gold);
        var text = Session(dir, "s7q");
        Assert.Contains("added column(s) labelled_at", text);
        // a:1..a:3 are in the gold file: the session starts at a:4.
        var rows = LabellingFixtures.Rows(labels);
        Assert.Equal(7, rows.Count);
        Assert.Equal("a:4", rows[^1][0]);
        Assert.Equal(["id", "article", "text", "stance", "topic", "annotator", "note", "labelled_at"], LabellingFixtures.Columns(labels));
        var data = Classifier.Text.Datasets.LabelledCsvReader.Read(labels, new(["text"], ["stance", "topic"]));
        Assert.Equal(7, data.Count);
    }

    [Fact]
    public void Opening_a_gold_file_and_quitting_at_once_leaves_it_byte_for_byte_unchanged()
    {
        using var dir = NewDir();
        var labels = dir.Write("labels.csv", LabellingFixtures.Gold.TrimEnd('\n'));
        var before = File.ReadAllBytes(labels);
        var text = Session(dir, "q");
        Assert.Equal(before, File.ReadAllBytes(labels));
        Assert.DoesNotContain("added column", text);
    }

    [Fact]
    public void A_session_that_saves_nothing_or_fails_at_the_start_leaves_no_labels_file_behind()
    {
        using var dir = NewDir();
        Session(dir, "q");
        Assert.False(File.Exists(dir.File("labels.csv")));
        Assert.Throws<IOException>(() => LabelCommand.Execute(Args(dir), new DyingKeySource("s1", 0), new StringWriter(), null));
        Assert.False(File.Exists(dir.File("labels.csv")));
        Assert.False(File.Exists(dir.File("labels.csv.lock")));
    }

    [Fact]
    public void A_hand_edited_file_without_a_final_line_break_gets_the_next_answer_on_a_row_of_its_own()
    {
        using var dir = NewDir();
        var labels = dir.Write("labels.csv", "id,article,text,stance,topic,annotator,note,labelled_at\na:1,a,x,neutral,other,me,,");
        Session(dir, "k2q");
        var rows = LabellingFixtures.Rows(labels);
        Assert.Equal(["a:1", "a:2"], rows.Select(r => r[0]));
        Assert.Equal("pro-kosovo", rows[1][3]);
    }

    [Fact]
    public void Random_order_is_the_same_for_the_same_seed()
    {
        using var first = NewDir();
        using var second = NewDir();
        Session(first, "s1s1s1q", order: "random");
        Session(second, "s1s1s1q", order: "random");
        var a = LabellingFixtures.Rows(first.File("labels.csv")).Select(r => r[0]).ToList();
        Assert.Equal(a, LabellingFixtures.Rows(second.File("labels.csv")).Select(r => r[0]));
        Assert.NotEqual(["a:1", "a:2", "a:3"], a);
    }

    [Fact]
    public void The_cli_reads_keys_from_a_file_and_prints_plain_text()
    {
        using var dir = NewDir();
        var keys = dir.Write("keys.txt", "s2\nq");
        var run = CliRun.Trainer("label", "--in", dir.File("paragraphs.csv"), "--labels", dir.File("labels.csv"), "--keys", keys, "--annotator", "cli", "--order", "sequential");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("> Belgrade says the so-called government", run.Output);
        Assert.Contains("after: KFOR troops", run.Output);
        Assert.Contains("labelled 1, remaining 7", run.Output);
        Assert.Equal("cli", LabellingFixtures.Rows(dir.File("labels.csv")).Single()[5]);
    }
}

public class LabellingSessionScreenAndModelTests
{
    [Fact]
    public void The_full_screen_view_renders_paragraph_neighbours_suggestions_and_progress()
    {
        using var dir = new TempDir();
        dir.Write("paragraphs.csv", LabellingFixtures.Paragraphs);
        var rules = dir.Write("rules.json", LabellingFixtures.Rules);
        var screen = new StringWriter();
        var console = Classifier.Cli.Ui.Create(screen, forceInteractive: false);
        var args = new LabelArguments(dir.File("paragraphs.csv"), dir.File("labels.csv"), null, rules, "sequential", "tester", null);
        LabelCommand.Execute(args, new ReaderKeySource(new StringReader("s1q")), null, console);
        var text = screen.ToString();
        Assert.Contains("Belgrade says the so-called government", text);
        Assert.Contains("KFOR troops", text);
        Assert.Contains("stance pro-serbia", text);
        Assert.Contains("labelled 1, remaining 7", text);
        Assert.Single(LabellingFixtures.Rows(dir.File("labels.csv")));
    }

    [Fact]
    public void With_a_model_it_suggests_orders_by_uncertainty_and_retrains_as_answers_come()
    {
        using var dir = new TempDir();
        var train = dir.Write("train.csv", Fixtures.StanceCsv(articles: 6));
        var model = dir.File("m.zip");
        var fit = CliRun.Trainer("train", "--data", train, "--model", model, "--trainer", "nb", "--cv", "none");
        Assert.True(fit.ExitCode == 0, fit.ToString());
        // Paragraphs to label: the training texts themselves, under new ids.
        var texts = LabellingFixtures.Rows(train).Take(12).Select(r => r[2]).ToList();
        var paragraphs = "id,article,text\n" + string.Concat(LabellingFixtures.Rows(train).Take(12).Select((r, i) => $"p{i},{r[1]},{r[2]}\n"));
        dir.Write("paragraphs.csv", paragraphs);
        var output = new StringWriter();
        var args = new LabelArguments(dir.File("paragraphs.csv"), dir.File("labels.csv"), model, null, "uncertain", "tester", "-", RetrainEvery: 4, TrainData: [train]);
        LabelCommand.Execute(args, new ReaderKeySource(new StringReader("s1k2n1s2\nn2k1s1q")), output, null);
        var text = output.ToString();
        Assert.Contains("model: stance", text);
        Assert.Matches("retrained on 36 training rows \\+ 4 answers|kept the current model", text);
        var rows = LabellingFixtures.Rows(dir.File("labels.csv"));
        Assert.Equal(8, rows.Count);
        Assert.Equal(8, rows.Select(r => r[0]).Distinct().Count());

        // Before the first retraining, paragraphs come least certain first: the model's mean top-two margin, ascending.
        var loaded = Classifier.Engine.Persistence.ModelFile.Load(model);
        double Margin(string t) => loaded.Predict(t).Average(h =>
        {
            var p = h.Probabilities.ToArray().OrderDescending().ToArray();
            return p[0] - p[1];
        });
        var expected = Enumerable.Range(0, 12).OrderBy(i => Margin(texts[i])).ThenBy(i => i).Take(4).Select(i => $"p{i}");
        Assert.Equal(expected, rows.Take(4).Select(r => r[0]));
        var margins = rows.Take(4).Select(r => Margin(texts[int.Parse(r[0][1..], System.Globalization.CultureInfo.InvariantCulture)])).ToList();
        Assert.Equal(margins.Order(), margins);
    }
}
