using Classifier.Text.Labelling;

namespace Classifier.Labelling;

/// <summary>
/// Where answers live. Append-only by contract: an answer, a change of an earlier answer and an undo each add a
/// record and none rewrites or truncates what is stored, so a crash loses nothing already returned. Implementations
/// are safe to call from several threads (two browser tabs on one session).
/// </summary>
public interface ILabelStore : IDisposable
{
    /// <summary>The heads and values answers are given in.</summary>
    LabellingSchema Schema { get; }

    /// <summary>Where the answers are (a file path), for messages.</summary>
    string Name { get; }

    /// <summary>The id's current answer, or null when it has none or it was withdrawn.</summary>
    LabelRecord? Find(string id);

    /// <summary>Every current answer (withdrawn ones left out), in no particular order.</summary>
    IReadOnlyList<LabelRecord> Answers();

    /// <summary>A new answer; <see cref="RejectionKind.AlreadyAnswered"/> when the id has one.</summary>
    LabelChange Append(LabelRecord answer);

    /// <summary>Replaces the id's current answer; <see cref="RejectionKind.NotAnswered"/> when it has none.</summary>
    LabelChange Change(LabelRecord answer);

    /// <summary>
    /// Undoes the last answer or change this store wrote for the id: the answer before it is written again, or,
    /// when there was none, the answer is withdrawn. <see cref="RejectionKind.NothingToUndo"/> otherwise.
    /// </summary>
    LabelChange Undo(string id, string annotator);

    /// <summary>A copy of the stored answers in the labels-file CSV format, for the retrainer; the caller deletes it.</summary>
    string Snapshot();

    /// <summary>What happened to the store that the annotator should hear of (rows someone else appended); cleared once read.</summary>
    IReadOnlyList<string> TakeNotices();
}
