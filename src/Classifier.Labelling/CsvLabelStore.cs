using Classifier.Text.Labelling;

namespace Classifier.Labelling;

/// <summary>
/// Answers in a labels CSV (<see cref="LabelsFile"/>), under its <see cref="LabelsLock"/> so a second process is
/// refused. Every answer, change and undo appends one row, flushed before the call returns: a change is a later row
/// for the id (the correction rule of train, evaluate and agreement), an undo is a row that repeats the answer before
/// (or, when there was none, a row with every label empty and the note "undo: answer withdrawn", which those readers
/// treat as no label). Calls are serialised, so two tabs answering the same paragraph get one row and one
/// <see cref="RejectionKind.AlreadyAnswered"/>.
/// </summary>
public sealed class CsvLabelStore : ILabelStore
{
    /// <summary>The note of a row that withdraws an answer.</summary>
    public const string WithdrawnNote = "undo: answer withdrawn";

    private readonly object _gate = new();
    private readonly LabelsFile _file;
    private readonly Dictionary<string, Stack<(LabelRecord? Before, LabelRecord Written)>> _own = new(StringComparer.Ordinal);

    /// <param name="file">The open labels file.</param>
    /// <param name="heldLock">The lock held on it, released with the store; null when the caller holds one.</param>
    public CsvLabelStore(LabelsFile file, LabelsLock? heldLock)
    {
        _file = file;
        Lock = heldLock;
    }

    /// <summary>Takes the file's lock (refused while another session holds it) and opens it; writes nothing yet.</summary>
    public static CsvLabelStore Open(string path, LabellingSchema? schema = null)
    {
        // The real path, so a symlink meets the same lock and a rewrite replaces the file, not the link.
        var real = LabelsLock.RealPath(path);
        var held = LabelsLock.Acquire(real);
        try
        {
            return new CsvLabelStore(LabelsFile.Open(real, schema), held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    public LabelsLock? Lock { get; }

    public LabellingSchema Schema => _file.Schema;

    public string Name => _file.Path;

    /// <summary>Things done to the file (created it, added columns), for the end-of-session report.</summary>
    public IReadOnlyList<string> FileNotes
    {
        get { lock (_gate) return [.. _file.Notes]; }
    }

    public LabelRecord? Find(string id)
    {
        lock (_gate) return Current(id);
    }

    public IReadOnlyList<LabelRecord> Answers()
    {
        lock (_gate) return [.. _file.Latest.Values.Where(LabelsFile.IsAnswer)];
    }

    public LabelChange Append(LabelRecord answer)
    {
        lock (_gate)
        {
            _file.Refresh();
            if (Current(answer.Id) is { } earlier)
                throw new AnswerRejectedException(RejectionKind.AlreadyAnswered,
                    $"{answer.Id} already has an answer ({string.Join(", ", earlier.Labels)}, by {Who(earlier)}) in {Name}",
                    "change that answer instead of giving a new one, or go on to another paragraph");
            return Write(answer with { Labels = LabelValidation.Check(Schema, answer.Id, answer.Labels) }, null);
        }
    }

    public LabelChange Change(LabelRecord answer)
    {
        lock (_gate)
        {
            _file.Refresh();
            var before = Current(answer.Id) ?? throw new AnswerRejectedException(RejectionKind.NotAnswered,
                $"{answer.Id} has no answer in {Name} to change", "answer it first");
            return Write(answer with { Labels = LabelValidation.Check(Schema, answer.Id, answer.Labels) }, before);
        }
    }

    public LabelChange Undo(string id, string annotator)
    {
        lock (_gate)
        {
            _file.Refresh();
            if (!_own.TryGetValue(id, out var writes) || writes.Count == 0)
                throw new AnswerRejectedException(RejectionKind.NothingToUndo, $"nothing of this session's to undo for {id}", "undo takes back only this session's own answers and changes");
            var (before, written) = writes.Peek();
            // Someone else's later row for the id is their answer: undoing ours would silently replace it.
            if (!ReferenceEquals(_file.Latest.GetValueOrDefault(id), written))
                throw new AnswerRejectedException(RejectionKind.NothingToUndo, $"the answer of {id} was changed in {Name} by someone else since this session wrote it",
                    "change the answer instead");
            writes.Pop();
            var now = DateTimeOffset.UtcNow;
            var row = before is null
                ? written with { Labels = [.. written.Labels.Select(_ => "")], Annotator = annotator, Note = WithdrawnNote, LabelledAt = now }
                : before with { LabelledAt = now };
            int number = _file.Append(row);
            // The restored answer is now this row: a further undo checks against it.
            if (writes.TryPop(out var earlier)) writes.Push((earlier.Before, row));
            return new LabelChange(id, written, before, number);
        }
    }

    public string Snapshot()
    {
        lock (_gate) return _file.Snapshot();
    }

    public IReadOnlyList<string> TakeNotices()
    {
        lock (_gate)
        {
            var notices = new List<string>();
            var external = _file.TakeExternalRows();
            if (external.Count > 0)
                notices.Add($"{external.Count} row(s) were appended to {Name} by someone else ({string.Join(", ", external.Distinct().Take(5))}{(external.Count > 5 ? ", …" : "")}); read them in");
            return notices;
        }
    }

    private LabelChange Write(LabelRecord row, LabelRecord? before)
    {
        int number = _file.Append(row);
        if (!_own.TryGetValue(row.Id, out var writes)) _own[row.Id] = writes = new();
        writes.Push((before, row));
        return new LabelChange(row.Id, before, row, number);
    }

    private LabelRecord? Current(string id) => _file.Latest.TryGetValue(id, out var row) && LabelsFile.IsAnswer(row) ? row : null;

    private static string Who(LabelRecord row) => row.Annotator.Length > 0 ? row.Annotator : "an earlier annotator";

    public void Dispose()
    {
        _file.Dispose();
        Lock?.Dispose();
    }
}
