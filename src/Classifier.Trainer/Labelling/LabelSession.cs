using System.Globalization;
using Classifier.Engine.Pipeline;
using Classifier.Text.Diagnostics;
using Classifier.Text.Labelling;
using Spectre.Console;

namespace Classifier.Trainer.Labelling;

/// <summary>
/// The labeller's loop: show a paragraph with its neighbours and the suggestions, read keys, append each answer to
/// the labels file (flushed to disk at once). Renders full-screen with Spectre.Console on a terminal, as plain
/// text otherwise (scripted key streams).
/// </summary>
public sealed class LabelSession
{
    /// <summary>Ctrl-C (ETX) from the terminal or a key stream: end the session as cancelled (exit 130).</summary>
    public const int CancelKey = 3;

    /// <summary>The session's own keys (lower case; keys are read ignoring case), with what each does: no schema key may take one.</summary>
    public static IReadOnlyDictionary<char, string> SessionKeys { get; } = new Dictionary<char, string>
    {
        ['a'] = "accept", ['x'] = "skip", ['u'] = "undo", ['c'] = "note", ['q'] = "quit", ['>'] = "next page", ['<'] = "previous page", ['?'] = "help",
    };

    /// <summary>The codebook's stance keys, in the order of its stances.</summary>
    public static string StanceKeys => LabellingSchema.Codebook.Heads[0].Keys;

    /// <summary>The help line of a session with the codebook's heads.</summary>
    public static string Help { get; } = HelpFor(LabellingSchema.Codebook);

    private readonly LabelSessionOptions _options;
    private readonly IKeySource _keys;
    private readonly TextWriter? _plain;
    private readonly IAnsiConsole? _screen;
    private readonly IReadOnlyList<SchemaHead> _heads;
    private readonly Dictionary<char, (int Head, int Value)> _answerKeys = [];
    private readonly string _help;
    private readonly Dictionary<string, int>[] _counts;
    private readonly Stack<(int Paragraph, long Offset, string[] Labels)> _history = new();
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private TextClassifier? _model;
    private Task<(TextClassifier? Model, string Message)>? _retraining;
    private string _message = "";
    private int _shown = -1, _page, _pages = 1;

    /// <param name="options">What to label and where.</param>
    /// <param name="keys">Key source.</param>
    /// <param name="plain">Plain-text output (scripted mode); null with <paramref name="screen"/>.</param>
    /// <param name="screen">Full-screen console; null with <paramref name="plain"/>.</param>
    public LabelSession(LabelSessionOptions options, IKeySource keys, TextWriter? plain, IAnsiConsole? screen)
    {
        if ((plain is null) == (screen is null)) throw new ArgumentException("give exactly one of plain and screen");
        _options = options;
        _keys = keys;
        _plain = plain;
        _screen = screen;
        _model = options.Model;
        _heads = options.Labels.Schema.Heads;
        _counts = [.. _heads.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
        for (int h = 0; h < _heads.Count; h++)
            for (int v = 0; v < _heads[h].Values.Count; v++) _answerKeys[_heads[h].Keys[v]] = (h, v);
        _help = HelpFor(options.Labels.Schema);
        for (int i = 0; i < options.Paragraphs.Count; i++) _indexById.TryAdd(options.Paragraphs.Ids[i], i);
        CountExisting();
    }

    public int Answered { get; private set; }
    public int Skipped { get; private set; }
    public int Retrained { get; private set; }

    /// <summary>Whether the session ended with Ctrl-C.</summary>
    public bool Cancelled { get; private set; }

    /// <summary>Paragraphs of the input not yet in the labels file.</summary>
    public int Remaining
    {
        get
        {
            int n = 0;
            for (int i = 0; i < _options.Paragraphs.Count; i++) if (!_options.Labels.IsLabelled(_options.Paragraphs.Ids[i])) n++;
            return n;
        }
    }

    /// <summary>"keys: " with each head's keys, then the session's.</summary>
    public static string HelpFor(LabellingSchema schema) =>
        "keys: " + string.Join(" | ", schema.Heads.Select(h => string.Join(", ", h.Values.Select((v, i) => $"{h.Keys[i]} {v}")))) +
        " | Enter/a accept suggestion | x skip | u undo | c note | > < page | q quit";

    /// <summary>Runs until quit, the end of the key stream, or nothing is left to label.</summary>
    public void Run()
    {
        var queue = Order();
        int position = 0;
        while (position < queue.Count)
        {
            SwapRetrainedModel(queue, position);
            int p = queue[position];
            if (_options.Labels.IsLabelled(_options.Paragraphs.Ids[p])) { position++; continue; }
            var chosen = new string?[_heads.Count];
            string note = "";
            bool next = false;
            while (!next)
            {
                Render(p, chosen, note);
                int key = _keys.ReadKey();
                if (key == CancelKey) Cancelled = true;
                if (key < 0 || key == CancelKey || key == 'q' || key == 'Q') return;
                _message = "";
                char k = char.ToLowerInvariant((char)key);
                if (_answerKeys.TryGetValue(k, out var answer)) chosen[answer.Head] = _heads[answer.Head].Values[answer.Value];
                else if (k is '\n' or 'a') Accept(p, chosen);
                else if (k == 'x')
                {
                    Skipped++;
                    position++;
                    next = true;
                    continue;
                }
                else if (k == 'u')
                {
                    if (_history.Count == 0) { _message = "nothing to undo in this session"; continue; }
                    var last = _history.Pop();
                    if (!_options.Labels.Undo(_options.Paragraphs.Ids[last.Paragraph], last.Offset))
                    {
                        _history.Clear();
                        _message = $"cannot undo {_options.Paragraphs.Ids[last.Paragraph]}: the labels file was rewritten by someone else; edit it by hand";
                        continue;
                    }
                    Count(last.Labels, -1);
                    Answered--;
                    queue.Insert(position, last.Paragraph);
                    _message = $"undid {_options.Paragraphs.Ids[last.Paragraph]}";
                    next = true;
                    continue;
                }
                else if (k == 'c')
                {
                    if (_screen is not null) _screen.Markup("[bold]note:[/] ");
                    else _plain!.WriteLine("note: ");
                    note = (_keys.ReadLine() ?? "").Trim();
                }
                else if (k is ' ' or '\t') continue;
                else if (k == '?') _message = _help;
                else if (k is '>' or '<' && _pages > 1) _page += k == '>' ? 1 : -1;
                else _message = $"unknown key '{k}'; press ? for help";

                if (chosen.All(c => c is not null))
                {
                    var id = _options.Paragraphs.Ids[p];
                    var labels = chosen.Select(c => c!).ToArray();
                    long offset = _options.Labels.Append(new LabelRecord(id, _options.Paragraphs.Articles[p], _options.Paragraphs.Texts[p],
                        labels, _options.Annotator, note, DateTimeOffset.UtcNow));
                    _history.Push((p, offset, labels));
                    Count(labels, +1);
                    Answered++;
                    _message = $"saved {id}: {string.Join(", ", labels)}";
                    position++;
                    next = true;
                    MaybeRetrain();
                }
            }
        }
        _message = "nothing left to label";
        if (_plain is not null) _plain.WriteLine(_message);
    }

    /// <summary>Enter: every head not chosen yet takes the suggestion's label, if it has one.</summary>
    private void Accept(int p, string?[] chosen)
    {
        var s = Suggest(p);
        for (int h = 0; h < chosen.Length; h++) chosen[h] ??= s?.Labels[h];
        int missing = Array.IndexOf(chosen, null);
        if (missing >= 0) _message = $"no suggestion for {_heads[missing].Name}: choose it with a key";
    }

    private List<int> Order()
    {
        var pending = new List<int>();
        for (int i = 0; i < _options.Paragraphs.Count; i++) if (!_options.Labels.IsLabelled(_options.Paragraphs.Ids[i])) pending.Add(i);
        switch (_options.Order)
        {
            case SessionOrder.Random:
                var rng = new Random(_options.Seed);
                for (int i = pending.Count - 1; i > 0; i--)
                {
                    int j = rng.Next(i + 1);
                    (pending[i], pending[j]) = (pending[j], pending[i]);
                }
                break;
            case SessionOrder.Uncertain:
                SortByCertainty(pending, 0);
                break;
        }
        return pending;
    }

    /// <summary>Sorts queue[from..] least certain first: the model's mean top-two margin over heads, else the rules' confidence.</summary>
    private void SortByCertainty(List<int> queue, int from)
    {
        var keys = new Dictionary<int, double>();
        for (int i = from; i < queue.Count; i++) keys[queue[i]] = Certainty(queue[i]);
        var tail = queue.GetRange(from, queue.Count - from);
        tail.Sort((a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        queue.RemoveRange(from, queue.Count - from);
        queue.AddRange(tail);
    }

    private double Certainty(int p)
    {
        if (_model is not null)
        {
            var predictions = _model.Predict(_options.Paragraphs.Texts[p]);
            double sum = 0;
            foreach (var h in predictions)
            {
                float first = 0, second = 0;
                foreach (var v in h.Probabilities)
                {
                    if (v > first) { second = first; first = v; }
                    else if (v > second) second = v;
                }
                sum += first - second;
            }
            return predictions.Length == 0 ? 0 : sum / predictions.Length;
        }
        var r = _options.Rules?[p];
        return r is null ? 0 : r.Confidences.Average();
    }

    /// <summary>The suggestion Enter accepts: per head the model's when it has one, else the rules'.</summary>
    private Suggestion? Suggest(int p)
    {
        var model = ModelSuggestion(p);
        var rules = _options.Rules?[p];
        if (model is null) return rules;
        return model with { Labels = [.. model.Labels.Select((l, h) => l ?? rules?.Labels[h])] };
    }

    /// <summary>For each head, the model's head of that name, if it predicts one of the head's values.</summary>
    private Suggestion? ModelSuggestion(int p)
    {
        if (_model is null) return null;
        var labels = new string?[_heads.Count];
        var confidences = new double[_heads.Count];
        foreach (var prediction in _model.Predict(_options.Paragraphs.Texts[p]))
            for (int h = 0; h < _heads.Count; h++)
                if (string.Equals(prediction.Head, _heads[h].Name, StringComparison.OrdinalIgnoreCase) && _heads[h].Find(prediction.Label) is { } label)
                {
                    labels[h] = label;
                    confidences[h] = prediction.Confidence;
                }
        return new Suggestion("model", labels, confidences, "");
    }

    private void MaybeRetrain()
    {
        if (_options.Retrainer is not { } retrainer || _options.RetrainEvery <= 0 || Answered % _options.RetrainEvery != 0 || _retraining is not null) return;
        // Snapshot on this thread: the labels file is only touched between answers.
        var snapshot = _options.Labels.Snapshot();
        _retraining = Task.Run(() =>
        {
            try
            {
                return retrainer.Run(snapshot);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Retraining is a convenience: a failure must not end the session or lose its answers.
                return (null, $"retraining failed ({ex.GetType().Name}: {ex.Message}); keeping the current model");
            }
            finally
            {
                File.Delete(snapshot);
            }
        });
        // Scripted sessions wait, so a given key stream always gives the same order.
        if (_plain is not null) _retraining.Wait();
    }

    private void SwapRetrainedModel(List<int> queue, int position)
    {
        if (_retraining is not { IsCompleted: true } task) return;
        _retraining = null;
        if (!task.IsCompletedSuccessfully) return;
        var (model, message) = task.Result;
        if (message.Length > 0) _message = message;
        if (model is null) return;
        _model = model;
        Retrained++;
        if (_options.Order == SessionOrder.Uncertain) SortByCertainty(queue, position);
    }

    private void CountExisting()
    {
        foreach (var labels in _options.Labels.Existing) Count(labels, +1);
    }

    private void Count(IReadOnlyList<string> labels, int delta)
    {
        for (int h = 0; h < labels.Count; h++)
            if (labels[h].Length > 0) _counts[h][labels[h]] = _counts[h].GetValueOrDefault(labels[h]) + delta;
    }

    private string Progress() => $"{ProgressSummary()} | {Counts()}";

    private string ProgressSummary() =>
        string.Create(CultureInfo.InvariantCulture, $"labelled {_options.Labels.Labelled.Count}, remaining {Remaining}, this session {Answered}");

    private string Counts() =>
        string.Join(" | ", _heads.Select((h, i) => $"{h.Name}: {string.Join(", ", h.Values.Select(v => $"{v} {_counts[i].GetValueOrDefault(v)}"))}"));

    private (int? Before, int? After) Neighbours(int p)
    {
        var rows = _options.Paragraphs;
        int? before = p > 0 && rows.Articles[p - 1] == rows.Articles[p] ? p - 1 : null;
        int? after = p + 1 < rows.Count && rows.Articles[p + 1] == rows.Articles[p] ? p + 1 : null;
        return (before, after);
    }

    private string Describe(Suggestion? s) => s is null ? "-"
        : string.Join(", ", _heads.Select((h, i) => s.Labels[i] is { } label
            ? string.Create(CultureInfo.InvariantCulture, $"{h.Name} {label} ({s.Confidences[i]:0.00})") : $"{h.Name} -"))
          + (s.Detail.Length > 0 ? $" [{s.Detail}]" : "");

    private void Render(int p, string?[] chosen, string note)
    {
        var rows = _options.Paragraphs;
        var (before, after) = Neighbours(p);
        var rules = _options.Rules?[p];
        var model = ModelSuggestion(p);
        var choice = string.Join(", ", _heads.Select((h, i) => $"{h.Name} {chosen[i] ?? "?"}")) + (note.Length > 0 ? $", note \"{note}\"" : "");
        if (_plain is not null)
        {
            var w = _plain;
            w.WriteLine($"[{Progress()}]");
            w.WriteLine($"paragraph {rows.Ids[p]}{(rows.Articles[p].Length > 0 ? $" (article {rows.Articles[p]})" : "")}");
            if (before is { } b) w.WriteLine($"  before: {rows.Texts[b]}");
            w.WriteLine($"> {rows.Texts[p]}");
            if (after is { } a) w.WriteLine($"  after: {rows.Texts[a]}");
            if (_options.Rules is not null) w.WriteLine($"rules: {Describe(rules)}");
            if (model is not null) w.WriteLine($"model: {Describe(model)}");
            w.WriteLine($"choice: {choice}");
            if (_message.Length > 0) w.WriteLine(_message);
            return;
        }
        RenderScreen(p, choice, rules, model);
    }

    /// <summary>
    /// One frame that fits the terminal: the header (id and progress), the paragraph and the choice always show; the
    /// message, the suggestions, the help, the neighbours and the class counts get what lines are left, in that
    /// order. A paragraph taller than the screen is paged with &gt; and &lt;.
    /// </summary>
    private void RenderScreen(int p, string choice, Suggestion? rules, Suggestion? model)
    {
        var ui = _screen!;
        int width = Math.Max(20, ui.Profile.Width) - 1, height = Math.Max(8, ui.Profile.Height);
        var rows = _options.Paragraphs;
        if (_shown != p) { _shown = p; _page = 0; }
        // Always: the header rule, the panel's two borders and the choice line.
        var text = ScreenText.Wrap(rows.Texts[p], width - 4);
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
        var (before, after) = Neighbours(p);
        if (_message.Length > 0) Add(ScreenText.Wrap(_message, width), false);
        if (_options.Rules is not null) Add(ScreenText.Wrap($"rules: {Describe(rules)}", width), false);
        if (model is not null) Add(ScreenText.Wrap($"model: {Describe(model)}", width), false);
        Add(ScreenText.Wrap(_help, width), true);
        // Neighbours are context: their first lines are enough.
        if (before is { } b) Add(ScreenText.Wrap("before: " + rows.Texts[b], width), true, 2);
        if (after is { } a) Add(ScreenText.Wrap("after: " + rows.Texts[a], width), true, 2);
        Add(ScreenText.Wrap(Counts(), width), true);

        ui.Clear();
        ui.Write(new Rule(Markup.Escape(ScreenText.Cut($"{rows.Ids[p]} | {ProgressSummary()}", width - 6))).LeftJustified());
        ui.Write(new Panel(new Spectre.Console.Text(string.Join('\n', pages[_page]), new Style(decoration: Decoration.Bold)))
            .Header(Markup.Escape(ScreenText.Cut(rows.Ids[p], width - 6))).Border(BoxBorder.Rounded).Expand());
        if (pages.Count > 1) ui.MarkupLine(Markup.Escape($"paragraph page {_page + 1}/{pages.Count}: > next page, < previous"));
        ui.MarkupLine($"[yellow]{Markup.Escape(ScreenText.Cut(choice, width))}[/]");
        foreach (var (line, dim) in optional) ui.MarkupLine(dim ? $"[dim]{Markup.Escape(line)}[/]" : Markup.Escape(line));
    }
}
