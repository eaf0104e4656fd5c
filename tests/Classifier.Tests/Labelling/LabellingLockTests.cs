using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;
using Classifier.Text.Labelling;
using Classifier.Trainer.Commands;
using Classifier.Trainer.Labelling;

namespace Classifier.Tests.Labelling;

public class LabellingLockTests
{
    /// <summary>Keys from a string; just before a given key is read, something else appends a row to the labels file.</summary>
    private sealed class IntrudingKeySource(string keys, int before, string labels, string row) : IKeySource
    {
        private readonly ReaderKeySource _inner = new(new StringReader(keys));
        private int _read;

        public int ReadKey()
        {
            if (_read++ == before) File.AppendAllText(labels, row);
            return _inner.ReadKey();
        }

        public string? ReadLine() => _inner.ReadLine();
    }

    private static TempDir NewDir()
    {
        var dir = new TempDir();
        dir.Write("paragraphs.csv", LabellingFixtures.Paragraphs);
        return dir;
    }

    private static LabelArguments Args(TempDir dir, string labels = "labels.csv") =>
        new(dir.File("paragraphs.csv"), dir.File(labels), null, null, "sequential", "tester", "-");

    private static (int Code, string Output) Session(TempDir dir, string keys, string labels = "labels.csv")
    {
        var output = new StringWriter();
        int code = LabelCommand.Execute(Args(dir, labels), new ReaderKeySource(new StringReader(keys)), output, null);
        return (code, output.ToString());
    }

    [Fact]
    public void A_lock_left_by_a_dead_session_on_this_host_is_taken_over_with_a_message()
    {
        using var dir = NewDir();
        var labels = dir.File("labels.csv");
        File.WriteAllText(LabelsLock.LockPathOf(labels), $"{int.MaxValue - 7}\n{Environment.MachineName}\n2020-01-01T00:00:00Z\n");
        var (code, text) = Session(dir, "s1q");
        Assert.Equal(0, code);
        Assert.Contains($"took over the lock of session pid {int.MaxValue - 7}", text);
        Assert.Single(LabellingFixtures.Rows(labels));
        Assert.False(File.Exists(LabelsLock.LockPathOf(labels)));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.stale.*"));
    }

    [Fact]
    public void A_lock_from_another_host_is_refused_with_the_command_that_removes_it()
    {
        using var dir = NewDir();
        var labels = dir.File("labels.csv");
        File.WriteAllText(LabelsLock.LockPathOf(labels), "12345\nsome-other-host\n2020-01-01T00:00:00Z\n");
        var ex = Assert.Throws<InputException>(() => Session(dir, "s1q"));
        Assert.Contains("some-other-host", ex.Message);
        Assert.Contains("rm '", ex.Hint);
        Assert.True(File.Exists(LabelsLock.LockPathOf(labels)));
    }

    [Fact]
    public void A_symlink_to_a_locked_labels_file_meets_the_same_lock_and_stays_a_link()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = NewDir();
        var real = dir.Write("labels.csv", LabellingFixtures.Gold);
        var link = dir.File("link.csv");
        File.CreateSymbolicLink(link, real);
        using (LabelsLock.Acquire(real))
        {
            var ex = Assert.Throws<InputException>(() => Session(dir, "s7q", "link.csv"));
            Assert.Contains("another labelling session", ex.Message);
        }
        // Through the link, the gold file gains its columns in place: the link still points at it.
        Assert.Equal(0, Session(dir, "s7q", "link.csv").Code);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("a:4", LabellingFixtures.Rows(real)[^1][0]);
        Assert.Contains("labelled_at", LabellingFixtures.Columns(real));
    }

    [Fact]
    public void Undo_withdraws_only_the_sessions_own_answer_and_keeps_a_row_appended_by_someone_else()
    {
        using var dir = NewDir();
        var labels = dir.File("labels.csv");
        // a:1 answered; then someone appends z:9; then u undoes a:1 only.
        var keys = new IntrudingKeySource("s1uq", 2, labels, "z:9,z,x,neutral,other,someone,,2020-01-01T00:00:00Z\n");
        var output = new StringWriter();
        LabelCommand.Execute(Args(dir), keys, output, null);
        Assert.Contains("undid a:1", output.ToString());
        Assert.Contains("1 row(s) were appended to", output.ToString());
        Assert.Equal(["a:1", "z:9", "a:1"], LabellingFixtures.Rows(labels).Select(r => r[0]));
        Assert.Equal(["z:9"], LabellingFixtures.Effective(labels).Select(r => r[0]));
    }

    [Fact]
    public void A_labels_file_rewritten_during_a_terminal_session_ends_it_with_the_file_named_and_the_edit_kept()
    {
        using var dir = NewDir();
        var labels = dir.File("labels.csv");
        var edit = string.Join(',', LabelsFile.DefaultColumns) + "\n";
        // a:1 answered; then someone empties the file by hand; answering a:2 must not write over that.
        var rewriting = new RewritingKeySource(new ReaderKeySource(new StringReader("s1k2q")), 2, labels, edit);
        var ex = Assert.Throws<LabelsFileChangedException>(() => LabelCommand.Execute(Args(dir), rewriting, new StringWriter(), null));
        Assert.Equal(labels, ex.File);
        Assert.Equal(edit, File.ReadAllText(labels));
        Assert.False(File.Exists(LabelsLock.LockPathOf(labels)));
    }

    /// <summary>Keys from another source; just before a given key is read, the labels file is replaced with other contents.</summary>
    private sealed class RewritingKeySource(IKeySource inner, int before, string labels, string contents) : IKeySource
    {
        private int _read;

        public int ReadKey()
        {
            if (_read++ == before) File.WriteAllText(labels, contents);
            return inner.ReadKey();
        }

        public string? ReadLine() => inner.ReadLine();
    }

    [Fact]
    public void Ctrl_c_cancels_with_exit_130_keeping_the_answers_and_removing_the_lock()
    {
        using var dir = NewDir();
        var (code, _) = Session(dir, "s1k\u0003s2");
        Assert.Equal(130, code);
        Assert.Equal(["a:1"], LabellingFixtures.Rows(dir.File("labels.csv")).Select(r => r[0]));
        Assert.False(File.Exists(dir.File("labels.csv.lock")));
    }
}
