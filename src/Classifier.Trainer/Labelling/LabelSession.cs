using System.Globalization;
using Classifier.Labelling;
using Classifier.Text.Labelling;
using Spectre.Console;

namespace Classifier.Trainer.Labelling;

/// <summary>
/// The terminal front of a <see cref="LabellingSession"/>: show a paragraph with its neighbours and the suggestions,
/// read keys, hand each complete answer to the core (which saves it at once). Renders full-screen with
/// Spectre.Console on a terminal, as plain text otherwise (scripted key streams).
/// </summary>
public sealed class LabelSession
{
    /// <summary>Ctrl-C (ETX) from the terminal or a key stream: end the session as cancelled (exit 130).</summary>
    public const int CancelKey = 3;

    /// <summary>The session's own keys (lower case; keys are read ignoring case), with what each does: no schema key may take one.</summary>
    public static IReadOnlyDictionary<char, string> SessionKeys => LabellingKeys.Session;

    /// <summary>The codebook's stance keys, in the order of its stances.</summary>
    public static string StanceKeys => LabellingSchema.Codebook.Heads[0].Keys;

    /// <summary>The help line of a session with the codebook's heads.</summary>
    public static string Help { get; } = HelpFor(LabellingSchema.Codebook);

    private readonly LabellingSession _core;
    private readonly IKeySource _keys;
    private readonly TextWriter? _plain;
    private readonly IAnsiConsole? _screen;
    private readonly IReadOnlyList<SchemaHead> _heads;
    private readonly Dictionary<char, (int Head, int Value)> _answerKeys = [];
    private readonly string _help;
    private string _message = "";
    private string? _shown;
    private int _page, _pages = 1;
    private int _back = -1;

    /// <param name="core">The session: queue, suggestions, answers.</param>
    /// <param name="keys">Key source.</param>
    /// <param name="plain">Plain-text output (scripted mode); null with <paramref name="screen"/>.</param>
    /// <param name="screen">Full-screen console; null with <paramref name="plain"/>.</param>
    public LabelSession(LabellingSession core, IKeySource keys, TextWriter? plain, IAnsiConsole? screen)
    {
        if ((plain is null) == (screen is null)) throw new ArgumentException("give exactly one of plain and screen");
        _core = core;
        _keys = keys;
        _plain = plain;
        _screen = screen;
        _heads = core.Schema.Heads;
        for (int h = 0; h < _heads.Count; h++)
            for (int v = 0; v < _heads[h].Values.Count; v++) _answerKeys[_heads[h].Keys[v]] = (h, v);
        _help = HelpFor(core.Schema);
    }

    public int Answered => _core.Answered;
    public int Skipped => _core.Skipped;
    public int Retrained => _core.Retrained;

    /// <summary>Whether the session ended with Ctrl-C.</summary>
    public bool Cancelled { get; private set; }

    /// <summary>Paragraphs of the input without an answer.</summary>
    public int Remaining => _core.Progress.Remaining;

    /// <summary>"keys: " with each head's keys, then the session's.</summary>
    public static string HelpFor(LabellingSchema schema) =>
        "keys: " + string.Join(" | ", schema.Heads.Select(h => string.Join(", ", h.Values.Select((v, i) => $"{h.Keys[i]} {v}")))) +
        " | Enter/a accept suggestion | x skip | u undo | b back to an earlier answer | c note | > < page | q quit";

    /// <summary>Runs until quit, the end of the key stream, or nothing is left to label.</summary>
    public void Run()
    {
        while (true)
        {
            Poll();
            var history = _core.History;
            var view = _back >= 0 && _back < history.Count ? _core.View(history[_back]) : _core.Current;
            if (view is null) break;
            if (!Ask(view, _back >= 0)) return;
        }
        _message = "nothing left to label";
        if (_plain is not null) _plain.WriteLine(_message);
    }

    /// <summary>A finished retraining, and rows someone else appended, are told in the message line.</summary>
    private void Poll()
    {
        var news = new List<string>();
        if (_core.PollRetraining() is { } retrained) news.Add(retrained);
        news.AddRange(_core.TakeNotices());
        // Added to what the last key said (an undo, a save), not put in its place.
        if (news.Count > 0) _message = string.Join("; ", _message.Length > 0 ? news.Prepend(_message) : news);
    }

    /// <summary>Keys for one paragraph until it is answered, changed, skipped or left; false ends the session.</summary>
    private bool Ask(ParagraphView view, bool changing)
    {
        var chosen = new string?[_heads.Count];
        string note = changing ? view.Answer?.Note ?? "" : "";
        while (true)
        {
            Render(view, chosen, note, changing);
            int key = _keys.ReadKey();
            if (key == CancelKey) Cancelled = true;
            if (key < 0 || key == CancelKey || key == 'q' || key == 'Q') return false;
            _message = "";
            char k = char.ToLowerInvariant((char)key);
            if (_answerKeys.TryGetValue(k, out var answer)) chosen[answer.Head] = _heads[answer.Head].Values[answer.Value];
            else if (k is '\n' or 'a') Accept(view, chosen);
            else if (k == 'x') return Skip(view, changing);
            else if (k == 'u') return Undo();
            else if (k == 'b') { if (StepBack()) return true; }
            else if (k == 'c') note = ReadNote();
            else if (k is ' ' or '\t') continue;
            else if (k == '?') _message = _help;
            else if (k is '>' or '<' && _pages > 1) _page += k == '>' ? 1 : -1;
            else _message = $"unknown key '{k}'; press ? for help";
            if (chosen.All(c => c is not null) && Save(view, chosen, note, changing)) return true;
        }
    }

    /// <summary>Enter: every head not chosen yet takes the suggestion's label, if it has one.</summary>
    private void Accept(ParagraphView view, string?[] chosen)
    {
        for (int h = 0; h < chosen.Length; h++) chosen[h] ??= view.Suggestions.Accept[h];
        int missing = Array.IndexOf(chosen, null);
        if (missing >= 0) _message = $"no suggestion for {_heads[missing].Name}: choose it with a key";
    }

    private bool Skip(ParagraphView view, bool changing)
    {
        if (changing) _message = $"left {view.Id} as it was; back to the queue";
        else _core.Skip(view.Id);
        _back = -1;
        return true;
    }

    private bool Undo()
    {
        _back = -1;
        var undone = _core.Undo();
        _message = undone is null ? "nothing to undo in this session"
            : undone.After is null ? $"undid {undone.Id}" : $"undid the change of {undone.Id}: {string.Join(", ", undone.After.Labels)} again";
        return true;
    }

    /// <summary>b: the answer before the one shown (this session's, newest first); false when there is none.</summary>
    private bool StepBack()
    {
        int count = _core.History.Count;
        int target = (_back < 0 ? count : _back) - 1;
        if (target < 0)
        {
            _message = count == 0 ? "no earlier answer in this session" : "this is the first answer of the session";
            return false;
        }
        _back = target;
        return true;
    }

    private string ReadNote()
    {
        if (_screen is not null) _screen.Markup("[bold]note:[/] ");
        else _plain!.WriteLine("note: ");
        return (_keys.ReadLine() ?? "").Trim();
    }

    /// <summary>Every head has a label: a new answer, or the change of an earlier one. False when the core refused it.</summary>
    private bool Save(ParagraphView view, string?[] chosen, string note, bool changing)
    {
        try
        {
            var change = changing ? _core.Change(view.Id, chosen, note) : _core.Answer(view.Id, chosen, note);
            _message = $"{(changing ? "changed" : "saved")} {view.Id}: {string.Join(", ", change.After!.Labels)}";
            _back = -1;
            return true;
        }
        catch (AnswerRejectedException ex)
        {
            _message = $"{ex.Message} ({ex.Hint})";
            Array.Fill(chosen, null);
            return false;
        }
    }

    private string Progress() => $"{ProgressSummary()} | {Counts()}";

    private string ProgressSummary()
    {
        var p = _core.Progress;
        return string.Create(CultureInfo.InvariantCulture, $"labelled {p.Labelled}, remaining {p.Remaining}, this session {p.Answered}");
    }

    private string Counts()
    {
        var counts = _core.Progress.Counts;
        return string.Join(" | ", _heads.Select(h => $"{h.Name}: {string.Join(", ", h.Values.Select(v => $"{v} {counts[h.Name][v]}"))}"));
    }

    private string Describe(Suggestion? s) => s is null ? "-"
        : string.Join(", ", _heads.Select((h, i) => s.Labels[i] is { } label
            ? string.Create(CultureInfo.InvariantCulture, $"{h.Name} {label} ({s.Confidences[i]:0.00})") : $"{h.Name} -"))
          + (s.Detail.Length > 0 ? $" [{s.Detail}]" : "");

    private void Render(ParagraphView view, string?[] chosen, string note, bool changing)
    {
        var rules = view.Suggestions.Rules;
        var model = view.Suggestions.Model;
        var choice = string.Join(", ", _heads.Select((h, i) => $"{h.Name} {chosen[i] ?? "?"}")) + (note.Length > 0 ? $", note \"{note}\"" : "");
        var earlier = changing && view.Answer is { } a
            ? $"changing the earlier answer {string.Join(", ", a.Labels)}: choose the new labels (b further back, x back to the queue)" : null;
        if (_plain is not null)
        {
            var w = _plain;
            w.WriteLine($"[{Progress()}]");
            w.WriteLine($"paragraph {view.Id}{(view.Article.Length > 0 ? $" (article {view.Article})" : "")}");
            if (view.Previous is { } b) w.WriteLine($"  before: {b}");
            w.WriteLine($"> {view.Text}");
            if (view.Next is { } n) w.WriteLine($"  after: {n}");
            if (earlier is not null) w.WriteLine(earlier);
            if (_core.HasRules) w.WriteLine($"rules: {Describe(rules)}");
            if (model is not null) w.WriteLine($"model: {Describe(model)}");
            w.WriteLine($"choice: {choice}");
            if (_message.Length > 0) w.WriteLine(_message);
            return;
        }
        RenderScreen(view, choice, earlier);
    }

    /// <summary>
    /// One frame that fits the terminal: the header (id and progress), the paragraph and the choice always show; the
    /// message, the suggestions, the help, the neighbours and the class counts get what lines are left, in that
    /// order. A paragraph taller than the screen is paged with &gt; and &lt;.
    /// </summary>
    private void RenderScreen(ParagraphView view, string choice, string? earlier)
    {
        var ui = _screen!;
        int width = Math.Max(20, ui.Profile.Width) - 1, height = Math.Max(8, ui.Profile.Height);
        if (_shown != view.Id) { _shown = view.Id; _page = 0; }
        // Always: the header rule, the panel's two borders and the choice line.
        var text = ScreenText.Wrap(view.Text, width - 4);
        int room = height - 4;
        var pages = text.Chunk(text.Count > room ? room - 1 : room).ToList();
        _pages = pages.Count;
        _page = Math.Clamp(_page, 0, pages.Count - 1);
        int left = room - pages[_page].Length - (pages.Count > 1 ? 1 : 0);

        var optional = new List<(string Line, bool Dim)>();
        void Add(IEnumerable<string> lines, bool dim, int max = int.MaxValue)
        {
            foreach (var l in lines.Take(max))
            {
                if (left == 0) return;
                optional.Add((l, dim));
                left--;
            }
        }
        if (earlier is not null) Add(ScreenText.Wrap(earlier, width), false);
        if (_message.Length > 0) Add(ScreenText.Wrap(_message, width), false);
        if (_core.HasRules) Add(ScreenText.Wrap($"rules: {Describe(view.Suggestions.Rules)}", width), false);
        if (view.Suggestions.Model is { } model) Add(ScreenText.Wrap($"model: {Describe(model)}", width), false);
        Add(ScreenText.Wrap(_help, width), true);
        // Neighbours are context: their first lines are enough.
        if (view.Previous is { } b) Add(ScreenText.Wrap("before: " + b, width), true, 2);
        if (view.Next is { } a) Add(ScreenText.Wrap("after: " + a, width), true, 2);
        Add(ScreenText.Wrap(Counts(), width), true);

        ui.Clear();
        ui.Write(new Rule(Markup.Escape(ScreenText.Cut($"{view.Id} | {ProgressSummary()}", width - 6))).LeftJustified());
        ui.Write(new Panel(new Spectre.Console.Text(string.Join('\n', pages[_page]), new Style(decoration: Decoration.Bold)))
            .Header(Markup.Escape(ScreenText.Cut(view.Id, width - 6))).Border(BoxBorder.Rounded).Expand());
        if (pages.Count > 1) ui.MarkupLine(Markup.Escape($"paragraph page {_page + 1}/{pages.Count}: > next page, < previous"));
        ui.MarkupLine($"[yellow]{Markup.Escape(ScreenText.Cut(choice, width))}[/]");
        foreach (var (line, dim) in optional) ui.MarkupLine(dim ? $"[dim]{Markup.Escape(line)}[/]" : Markup.Escape(line));
    }
}
