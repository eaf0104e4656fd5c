using Classifier.Tests.Support;
using Classifier.Trainer.Commands;
using Classifier.Trainer.Labelling;

namespace Classifier.Tests.Labelling;

public class LabellingScreenTests
{
    private static string Words(string stem, int n) => string.Join(' ', Enumerable.Range(1, n).Select(i => $"{stem}{i}"));

    /// <summary>The frames drawn on an 80x24 screen for paragraph x:2 (between two long neighbours), split at each header rule.</summary>
    private static List<string[]> Frames(int words, string keys)
    {
        using var dir = new TempDir();
        dir.Write("paragraphs.csv", "id,article,text\n" +
            $"x:1,x,{Words("before", 120)} police\n" + $"x:2,x,{Words("word", words)}\n" + $"x:3,x,{Words("after", 120)} police\n");
        dir.Write("labels.csv", "id,article,text,stance,topic,annotator,note,labelled_at\nx:1,x,t,neutral,other,me,,\n");
        var rules = dir.Write("rules.json", LabellingFixtures.Rules);
        var screen = new StringWriter();
        var console = Classifier.Cli.Ui.Create(screen, forceInteractive: false);
        console.Profile.Width = 80;
        console.Profile.Height = 24;
        var args = new LabelArguments(dir.File("paragraphs.csv"), dir.File("labels.csv"), null, rules, "sequential", "tester", null);
        LabelCommand.Execute(args, new ReaderKeySource(new StringReader(keys)), null, console);
        var frames = new List<List<string>>();
        foreach (var line in screen.ToString().Split('\n'))
        {
            if (line.StartsWith("──", StringComparison.Ordinal)) frames.Add([]);
            if (frames.Count > 0) frames[^1].Add(line);
        }
        return [.. frames.Select(f => f.Where(l => l.Length > 0).ToArray())];
    }

    private static List<string> ShownWords(IEnumerable<string> frame, string stem) =>
        [.. string.Join(' ', frame).Split(' ', '│', '\n').Where(w => w.StartsWith(stem, StringComparison.Ordinal) && w.Length > stem.Length && char.IsDigit(w[stem.Length]))];

    [Fact]
    public void At_80x24_the_paragraph_its_id_and_progress_stay_fully_visible_and_context_is_cut()
    {
        var frame = Assert.Single(Frames(150, "q"));
        Assert.True(frame.Length <= 24, $"{frame.Length} lines:\n{string.Join('\n', frame)}");
        Assert.Contains("x:2", frame[0]);
        Assert.Contains("labelled 1, remaining 2", frame[0]);
        Assert.Equal(Enumerable.Range(1, 150).Select(i => $"word{i}"), ShownWords(frame, "word"));
        Assert.Contains(frame, l => l.Contains("stance ?, topic ?", StringComparison.Ordinal));
    }

    [Fact]
    public void A_paragraph_taller_than_the_screen_is_paged_and_every_word_is_shown_once()
    {
        var frames = Frames(300, ">q");
        Assert.Equal(2, frames.Count);
        Assert.All(frames, f => Assert.True(f.Length <= 24, $"{f.Length} lines:\n{string.Join('\n', f)}"));
        Assert.True(frames[0].Any(l => l.Contains("page 1/2", StringComparison.Ordinal)), string.Join('\n', frames[0]));
        Assert.Contains(frames[1], l => l.Contains("page 2/2", StringComparison.Ordinal));
        Assert.All(frames, f => Assert.Contains("x:2", f[0]));
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"word{i}"), frames.SelectMany(f => ShownWords(f, "word")));
    }
}
