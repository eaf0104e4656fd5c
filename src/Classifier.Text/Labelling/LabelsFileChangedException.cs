using Classifier.Text.Diagnostics;

namespace Classifier.Text.Labelling;

/// <summary>
/// The labels file was rewritten on disk (shrunk, edited or replaced) while a session had it open. Nothing more is
/// written to it, so the edit is never overwritten; every answer saved before is in the file.
/// </summary>
public sealed class LabelsFileChangedException(string path, string what)
    : InputException($"the labels file was changed on disk while the session ran ({what}); nothing more is written to it", path,
        hint: "the answers saved so far are in it; check the edit, then start the session again (it rereads the file)");
