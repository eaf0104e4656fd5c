using Classifier.Engine.Pipeline;
using Classifier.Text.Labelling;

namespace Classifier.Labelling;

/// <summary>
/// The labelling core without a screen: the queue of paragraphs (sequential, random or least certain first), each
/// paragraph's suggestions (the model is asked once per paragraph and model, not per key press), answers, skips,
/// undo, changes of earlier answers, progress, and retraining in the background. Answers go to an
/// <see cref="ILabelStore"/>. Every member may be called from any thread (a web front end); calls are serialised.
/// </summary>
public sealed class LabellingSession
{
    private readonly object _gate = new();
    private readonly LabellingSessionOptions _options;
    private readonly ILabelStore _store;
    private readonly ParagraphRows _rows;
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly Dictionary<int, IReadOnlyList<HeadPrediction>> _predictions = [];
    private readonly Dictionary<int, ParagraphSuggestions> _suggestions = [];
    private readonly List<int> _queue;
    private readonly HashSet<int> _skipped = [];
    private readonly Stack<LabelChange> _history = new();
    private readonly List<string> _answeredIds = [];
    private IParagraphModel? _model;
    private Task<(TextClassifier? Model, string Message)>? _retraining;
    private TextClassifier? _retrainedModel;
    private int _position;

    public LabellingSession(LabellingSessionOptions options)
    {
        _options = options;
        _store = options.Store;
        _rows = options.Paragraphs;
        _model = options.Model;
        for (int i = 0; i < _rows.Count; i++) _indexById.TryAdd(_rows.Ids[i], i);
        _queue = Order();
    }

    public LabellingSchema Schema => _store.Schema;

    /// <summary>Where the answers go (the store's name: a file path), for messages.</summary>
    public string StoreName => _store.Name;

    /// <summary>Whether the session has rules (their suggestion line shows even where none fired).</summary>
    public bool HasRules => _options.Rules is not null;

    /// <summary>New answers this session (undone ones not counted).</summary>
    public int Answered { get; private set; }

    public int Skipped { get; private set; }

    /// <summary>How many retrained models were swapped in.</summary>
    public int Retrained { get; private set; }

    /// <summary>The last retrained model swapped in (null until one is), for a caller that keeps it (the studio's --save-model).</summary>
    public TextClassifier? RetrainedModel
    {
        get { lock (_gate) return _retrainedModel; }
    }

    /// <summary>Whether the session retrains at all (a model, a retrainer and --retrain-every above 0).</summary>
    public bool RetrainsEvery(out int answers)
    {
        answers = _options.RetrainEvery;
        return _options.Retrainer is not null && _model is not null && answers > 0;
    }

    /// <summary>How many paragraphs the model was asked about (once each per model: the cache's misses).</summary>
    public int ModelPredictions { get; private set; }

    public bool IsRetraining
    {
        get { lock (_gate) return _retraining is { IsCompleted: false }; }
    }

    /// <summary>The paragraph to label next, or null when nothing is left (every paragraph answered or skipped).</summary>
    public ParagraphView? Current
    {
        get
        {
            lock (_gate)
            {
                int p = CurrentIndex();
                return p < 0 ? null : ViewOf(p);
            }
        }
    }

    /// <summary>Ids this session answered, oldest first (undone ones left out): where "go back" steps to.</summary>
    public IReadOnlyList<string> History
    {
        get { lock (_gate) return [.. _answeredIds]; }
    }

    public LabellingProgress Progress
    {
        get { lock (_gate) return MeasureProgress(); }
    }

    /// <summary>Any paragraph of the input by id, with its suggestions and current answer.</summary>
    public ParagraphView View(string id)
    {
        lock (_gate) return ViewOf(IndexOf(id));
    }

    /// <summary>A new answer for a paragraph that has none; one label per schema head, each one of its values.</summary>
    public LabelChange Answer(string id, IReadOnlyList<string?> labels, string note = "")
    {
        lock (_gate)
        {
            int p = IndexOf(id);
            var change = _store.Append(Record(p, LabelValidation.Check(Schema, id, labels), note));
            _history.Push(change);
            _answeredIds.Add(id);
            Answered++;
            MaybeRetrain();
            return change;
        }
    }

    /// <summary>Replaces the answer a paragraph has (given in this session or before it).</summary>
    public LabelChange Change(string id, IReadOnlyList<string?> labels, string note = "")
    {
        lock (_gate)
        {
            int p = IndexOf(id);
            var change = _store.Change(Record(p, LabelValidation.Check(Schema, id, labels), note));
            _history.Push(change);
            return change;
        }
    }

    /// <summary>Passes over a paragraph for the rest of the session; it stays unlabelled.</summary>
    public void Skip(string id)
    {
        lock (_gate)
        {
            int p = IndexOf(id);
            if (_skipped.Add(p)) Skipped++;
        }
    }

    /// <summary>
    /// Takes back this session's last answer or change: the answer before it is restored, or a new answer is
    /// withdrawn and its paragraph comes back first. Null when this session has nothing to undo.
    /// </summary>
    public LabelChange? Undo()
    {
        lock (_gate)
        {
            if (!_history.TryPeek(out var last)) return null;
            var undone = _store.Undo(last.Id, _options.Annotator);
            _history.Pop();
            if (last.Before is null) Reoffer(last.Id);
            return undone;
        }
    }

    /// <summary>Swaps in a finished retraining's model (reordering the rest of the queue); its message, or null while none is done.</summary>
    public string? PollRetraining()
    {
        lock (_gate)
        {
            if (_retraining is not { IsCompleted: true } task) return null;
            _retraining = null;
            if (!task.IsCompletedSuccessfully) return "retraining failed; keeping the current model";
            var (model, message) = task.Result;
            if (model is not null)
            {
                SwapModel(new ClassifierModel(model));
                _retrainedModel = model;
            }
            return message.Length > 0 ? message : null;
        }
    }

    /// <summary>What the store reports (rows someone else appended), cleared once read.</summary>
    public IReadOnlyList<string> TakeNotices() => _store.TakeNotices();

    private int CurrentIndex()
    {
        while (_position < _queue.Count)
        {
            int p = _queue[_position];
            if (!_skipped.Contains(p) && _store.Find(_rows.Ids[p]) is null) return p;
            _position++;
        }
        return -1;
    }

    private int IndexOf(string id) => _indexById.TryGetValue(id, out var p) ? p
        : throw new AnswerRejectedException(RejectionKind.UnknownParagraph, $"no paragraph of the input has the id '{id}'",
            "ids come from the paragraph file's id column (or file#line where it has none)");

    private LabelRecord Record(int p, string[] labels, string note) =>
        new(_rows.Ids[p], _rows.Articles[p], _rows.Texts[p], labels, _options.Annotator, note.Trim(), DateTimeOffset.UtcNow);

    /// <summary>An undone new answer: the paragraph is unlabelled again and comes next.</summary>
    private void Reoffer(string id)
    {
        int p = _indexById[id];
        Answered--;
        _answeredIds.RemoveAt(_answeredIds.LastIndexOf(id));
        _skipped.Remove(p);
        _queue.Insert(_position, p);
    }

    private ParagraphView ViewOf(int p)
    {
        string? Text(int q) => q >= 0 && q < _rows.Count && _rows.Articles[q] == _rows.Articles[p] ? _rows.Texts[q] : null;
        return new ParagraphView(_rows.Ids[p], _rows.Articles[p], _rows.Texts[p], Text(p - 1), Text(p + 1), SuggestionsOf(p), _store.Find(_rows.Ids[p]));
    }

    private LabellingProgress MeasureProgress()
    {
        var answers = _store.Answers();
        var answered = new HashSet<string>(answers.Select(a => a.Id), StringComparer.Ordinal);
        int remaining = 0;
        for (int i = 0; i < _rows.Count; i++) if (!answered.Contains(_rows.Ids[i])) remaining++;
        var counts = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        for (int h = 0; h < Schema.Heads.Count; h++)
        {
            var perValue = Schema.Heads[h].Values.ToDictionary(v => v, _ => 0, StringComparer.Ordinal);
            foreach (var a in answers) if (perValue.ContainsKey(a.Labels[h])) perValue[a.Labels[h]]++;
            counts[Schema.Heads[h].Name] = perValue;
        }
        return new LabellingProgress(answers.Count, remaining, Answered, Skipped, counts);
    }

    private List<int> Order()
    {
        var pending = new List<int>();
        for (int i = 0; i < _rows.Count; i++) if (_store.Find(_rows.Ids[i]) is null) pending.Add(i);
        if (_options.Order == SessionOrder.Random) Shuffle(pending, new Random(_options.Seed));
        if (_options.Order == SessionOrder.Uncertain) SortByCertainty(pending, 0);
        return pending;
    }

    private static void Shuffle(List<int> items, Random rng)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
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
            var predictions = Predict(p);
            return predictions.Count == 0 ? 0 : predictions.Average(h => Margin(h.Probabilities));
        }
        var r = _options.Rules?[p];
        return r is null ? 0 : r.Confidences.Average();
    }

    private static double Margin(float[] probabilities)
    {
        float first = 0, second = 0;
        foreach (var v in probabilities)
        {
            if (v > first) { second = first; first = v; }
            else if (v > second) second = v;
        }
        return first - second;
    }

    /// <summary>The model's predictions for a paragraph, asked once per model: ordering and suggestions share them.</summary>
    private IReadOnlyList<HeadPrediction> Predict(int p)
    {
        if (_predictions.TryGetValue(p, out var cached)) return cached;
        ModelPredictions++;
        return _predictions[p] = _model!.Predict(_rows.Texts[p]);
    }

    private ParagraphSuggestions SuggestionsOf(int p)
    {
        if (_suggestions.TryGetValue(p, out var cached)) return cached;
        var model = ModelSuggestion(p);
        var rules = _options.Rules?[p];
        var accept = Schema.Heads.Select((_, h) => model?.Labels[h] ?? rules?.Labels[h]).ToArray();
        return _suggestions[p] = new ParagraphSuggestions(model, rules, accept);
    }

    /// <summary>For each head, the model's head of that name, if it predicts one of the head's values.</summary>
    private Suggestion? ModelSuggestion(int p)
    {
        if (_model is null) return null;
        var heads = Schema.Heads;
        var labels = new string?[heads.Count];
        var confidences = new double[heads.Count];
        foreach (var prediction in Predict(p))
            for (int h = 0; h < heads.Count; h++)
                if (string.Equals(prediction.Head, heads[h].Name, StringComparison.OrdinalIgnoreCase) && heads[h].Find(prediction.Label) is { } label)
                {
                    labels[h] = label;
                    confidences[h] = prediction.Confidence;
                }
        return new Suggestion("model", labels, confidences, "");
    }

    private void MaybeRetrain()
    {
        if (_options.Retrainer is not { } retrainer || _options.RetrainEvery <= 0 || Answered % _options.RetrainEvery != 0 || _retraining is not null) return;
        // Snapshot now, under the session's lock: the retrainer reads a copy, never the file being appended to.
        var snapshot = _store.Snapshot();
        _retraining = Task.Run(() => Retrain(retrainer, snapshot));
        if (_options.WaitForRetraining) _retraining.Wait();
    }

    private static (TextClassifier? Model, string Message) Retrain(Retrainer retrainer, string snapshot)
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
    }

    /// <summary>A new model: suggestions and margins are asked of it afresh, and what is left is reordered.</summary>
    private void SwapModel(IParagraphModel model)
    {
        _model = model;
        _predictions.Clear();
        _suggestions.Clear();
        Retrained++;
        if (_options.Order == SessionOrder.Uncertain) SortByCertainty(_queue, _position);
    }
}
