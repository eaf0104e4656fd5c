using Classifier.Engine.Pipeline;
using Classifier.Labelling;
using Classifier.Tests.Support;
using Classifier.Text.Labelling;

namespace Classifier.Tests.Labelling;

/// <summary>The labelling core driven directly, with no console: answers, skips, undo, changes, progress, suggestions.</summary>
public class LabellingCoreTests
{
    /// <summary>A model that counts the paragraphs it is asked about; its confidence grows with the text's length.</summary>
    private sealed class CountingModel : IParagraphModel
    {
        public List<string> Asked { get; } = [];

        public IReadOnlyList<HeadPrediction> Predict(string text)
        {
            lock (Asked) Asked.Add(text);
            float top = Math.Min(0.95f, 0.4f + text.Length / 200f);
            float rest = (1 - top) / 2;
            return [new HeadPrediction("stance", "neutral", top, [rest, rest, top])];
        }
    }

    private static ParagraphRows Paragraphs(TempDir dir) => ParagraphRows.Read(dir.Write("paragraphs.csv", LabellingFixtures.Paragraphs));

    private static LabellingSession Session(TempDir dir, ILabelStore store, IParagraphModel? model = null, SessionOrder order = SessionOrder.Sequential) =>
        new(new LabellingSessionOptions(Paragraphs(dir), store, null, model, order, "tester"));

    [Fact]
    public void Answer_moves_to_the_next_paragraph_and_counts_per_class()
    {
        using var dir = new TempDir();
        using var store = CsvLabelStore.Open(dir.File("labels.csv"));
        var session = Session(dir, store);
        Assert.Equal("a:1", session.Current!.Id);
        session.Answer("a:1", ["pro-serbia", "security"], "first");
        session.Answer("a:2", ["PRO-SERBIA", " diplomacy "]);
        Assert.Equal("a:3", session.Current!.Id);
        var progress = session.Progress;
        Assert.Equal((2, 6, 2), (progress.Labelled, progress.Remaining, progress.Answered));
        Assert.Equal(2, progress.Counts["stance"]["pro-serbia"]);
        Assert.Equal(0, progress.Counts["stance"]["neutral"]);
        Assert.Equal(1, progress.Counts["topic"]["security"]);
        // Labels are stored in the schema's spelling.
        Assert.Equal(["pro-serbia", "diplomacy"], store.Find("a:2")!.Labels);
        Assert.Equal("first", store.Find("a:1")!.Note);
        Assert.Equal(["a:1", "a:2"], session.History);
    }

    [Fact]
    public void The_current_paragraph_comes_with_its_article_neighbours()
    {
        using var dir = new TempDir();
        using var store = CsvLabelStore.Open(dir.File("labels.csv"));
        var session = Session(dir, store);
        var a2 = session.View("a:2");
        Assert.StartsWith("Belgrade says", a2.Previous);
        Assert.StartsWith("Both sides", a2.Next);
        // a:4 ends article a and b:1 begins b: no neighbour across articles.
        Assert.Null(session.View("a:4").Next);
        Assert.Null(session.View("b:1").Previous);
    }

    [Fact]
    public void Skip_passes_over_a_paragraph_without_labelling_it()
    {
        using var dir = new TempDir();
        using var store = CsvLabelStore.Open(dir.File("labels.csv"));
        var session = Session(dir, store);
        session.Skip("a:1");
        Assert.Equal("a:2", session.Current!.Id);
        Assert.Equal((1, 8, 0), (session.Progress.Skipped, session.Progress.Remaining, session.Progress.Labelled));
        Assert.False(File.Exists(dir.File("labels.csv")));
    }

    [Fact]
    public void Undo_withdraws_a_new_answer_and_offers_its_paragraph_again()
    {
        using var dir = new TempDir();
        using var store = CsvLabelStore.Open(dir.File("labels.csv"));
        var session = Session(dir, store);
        session.Answer("a:1", ["neutral", "other"]);
        session.Answer("a:2", ["neutral", "security"]);
        var undone = session.Undo()!;
        Assert.Equal("a:2", undone.Id);
        Assert.Null(undone.After);
        Assert.Equal("a:2", session.Current!.Id);
        Assert.Null(store.Find("a:2"));
        Assert.Equal((1, 1, 7), (session.Answered, session.Progress.Labelled, session.Progress.Remaining));
        Assert.Equal(["a:1"], session.History);
        Assert.Equal(["a:1"], LabellingFixtures.Effective(dir.File("labels.csv")).Select(r => r[0]));
        session.Undo();
        Assert.Null(session.Undo());
        Assert.Equal("a:1", session.Current!.Id);
    }

    [Fact]
    public void An_earlier_answer_is_changed_by_id_and_an_undo_restores_it()
    {
        using var dir = new TempDir();
        using var store = CsvLabelStore.Open(dir.File("labels.csv"));
        var session = Session(dir, store);
        session.Answer("a:1", ["pro-serbia", "security"]);
        session.Answer("a:2", ["neutral", "security"]);
        var change = session.Change("a:1", ["pro-kosovo", "history"], "second look");
        Assert.Equal(["pro-serbia", "security"], change.Before!.Labels);
        Assert.Equal(["pro-kosovo", "history"], store.Find("a:1")!.Labels);
        Assert.Equal(1, session.Progress.Counts["stance"]["pro-kosovo"]);
        Assert.Equal(0, session.Progress.Counts["stance"]["pro-serbia"]);
        // A change is no new answer: the queue and the count stay.
        Assert.Equal((2, "a:3"), (session.Answered, session.Current!.Id));

        var undone = session.Undo()!;
        Assert.Equal(["pro-serbia", "security"], undone.After!.Labels);
        Assert.Equal(["pro-serbia", "security"], store.Find("a:1")!.Labels);
        Assert.Equal("a:3", session.Current!.Id);
    }

    [Fact]
    public void The_model_is_asked_once_per_paragraph_however_often_it_is_shown()
    {
        using var dir = new TempDir();
        using var store = CsvLabelStore.Open(dir.File("labels.csv"));
        var model = new CountingModel();
        var session = Session(dir, store, model);
        for (int i = 0; i < 5; i++) Assert.Equal("neutral", session.Current!.Suggestions.Accept[0]);
        session.View("a:1");
        Assert.Single(model.Asked);
        session.Answer("a:1", ["neutral", "other"]);
        for (int i = 0; i < 5; i++) _ = session.Current;
        session.Undo();
        _ = session.Current;
        Assert.Equal(2, model.Asked.Count);
        Assert.Equal(2, session.ModelPredictions);
    }

    [Fact]
    public void Uncertain_order_asks_the_model_once_per_paragraph_and_shows_the_least_certain_first()
    {
        using var dir = new TempDir();
        using var store = CsvLabelStore.Open(dir.File("labels.csv"));
        var model = new CountingModel();
        var session = Session(dir, store, model, SessionOrder.Uncertain);
        Assert.Equal(8, model.Asked.Count);
        // The shortest text has the smallest margin.
        var rows = Paragraphs(dir);
        var shortest = rows.Ids[Enumerable.Range(0, rows.Count).MinBy(i => rows.Texts[i].Length)];
        Assert.Equal(shortest, session.Current!.Id);
        session.Answer(shortest, ["neutral", "other"]);
        _ = session.Current!.Suggestions;
        Assert.Equal(8, model.Asked.Count);
        Assert.Equal(model.Asked.Count, model.Asked.Distinct().Count());
    }

    [Fact]
    public void Rule_suggestions_fill_heads_the_model_leaves_empty()
    {
        using var dir = new TempDir();
        using var store = CsvLabelStore.Open(dir.File("labels.csv"));
        var rows = Paragraphs(dir);
        var rules = RuleSuggestions.For(RuleSet.Load(dir.Write("rules.json", LabellingFixtures.Rules)), rows, LabellingSchema.Codebook);
        var session = new LabellingSession(new LabellingSessionOptions(rows, store, rules, new CountingModel(), SessionOrder.Sequential, "tester"));
        var view = session.View("a:2");
        Assert.Equal("security", view.Suggestions.Rules!.Labels[1]);
        // The model suggests stance only: Accept takes the model's stance and the rules' topic.
        Assert.Equal(["neutral", "security"], view.Suggestions.Accept);
    }
}
