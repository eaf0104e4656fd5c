using Classifier.Engine.Persistence;
using Classifier.Labelling;
using Classifier.Studio.Contracts;

namespace Classifier.Studio.Labelling;

/// <summary>
/// The Label page's side of the session's background retraining: the session retrains (the same
/// <see cref="Retrainer"/> as <c>trainer label</c>: the model's data plus the answers, swapped in only when it
/// cross-validates no worse), and each request polls it here, so a finished retraining is swapped in and, with
/// --save-model, written there. The --model file itself is never written.
/// </summary>
public sealed class LabelRetraining
{
    private readonly object _gate = new();
    private readonly LabellingSession _session;
    private readonly string? _off;
    private int _saved;
    private string? _message;

    /// <param name="off">Why retraining is off (shown on the page), or null when it is on.</param>
    /// <param name="saveTo">Where retrained models are written, or null to keep them in memory.</param>
    public LabelRetraining(LabellingSession session, string? off, string? saveTo)
    {
        _session = session;
        _off = off;
        SaveTo = saveTo;
    }

    public string? SaveTo { get; }

    /// <summary>Swaps in a finished retraining (saving it when asked to) and says where retraining stands.</summary>
    public LabelRetrainingInfo Poll()
    {
        lock (_gate)
        {
            bool on = _session.RetrainsEvery(out int every);
            if (!on) return new LabelRetrainingInfo(false, every, false, 0, _off, null);
            if (_session.PollRetraining() is { } message) _message = message;
            if (SaveTo is not null && _session.Retrained > _saved && _session.RetrainedModel is { } model)
            {
                try
                {
                    ModelFile.Save(SaveTo, model);
                    _saved = _session.Retrained;
                    _message += $"; saved to {SaveTo}";
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The model stays in use; only keeping it failed, and the annotator should know.
                    _message += $"; could not save it to {SaveTo}: {ex.Message}";
                }
            }
            return new LabelRetrainingInfo(true, every, _session.IsRetraining, _session.Retrained, _message, SaveTo);
        }
    }
}
