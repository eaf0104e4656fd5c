namespace Classifier.Text.Labelling;

/// <summary>How a labelling rule's patterns are matched against the normalised text.</summary>
public enum RuleKind
{
    /// <summary>Any pattern occurs as whole words; a pattern ending in <c>*</c> also matches longer words ("destabili*").</summary>
    Keywords,

    /// <summary>Any pattern occurs anywhere in the text, also inside words ("paramilitar" matches "paramilitary").</summary>
    Phrase,

    /// <summary>Any pattern, a .NET regular expression, matches; it runs under a match timeout.</summary>
    Regex,
}
