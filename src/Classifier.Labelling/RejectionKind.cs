namespace Classifier.Labelling;

/// <summary>Why an answer, change or undo was refused (a web front end maps these to its status codes).</summary>
public enum RejectionKind
{
    /// <summary>No paragraph of the input has that id.</summary>
    UnknownParagraph,

    /// <summary>A label is not one of its head's values in the schema.</summary>
    UnknownLabel,

    /// <summary>Not one label per head of the schema, or an empty one.</summary>
    MissingLabel,

    /// <summary>The paragraph has an answer already (another tab or session gave it): change it instead.</summary>
    AlreadyAnswered,

    /// <summary>A change of a paragraph that has no answer to change.</summary>
    NotAnswered,

    /// <summary>Nothing of this session's to undo (for that id).</summary>
    NothingToUndo,
}
