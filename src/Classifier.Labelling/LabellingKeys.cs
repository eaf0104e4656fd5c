namespace Classifier.Labelling;

/// <summary>The labellers' own keys, shared by the terminal labeller and the studio's Label page so one schema's answer keys work in both.</summary>
public static class LabellingKeys
{
    /// <summary>Each session key (lower case; keys are read ignoring case) with what it does: no schema key may take one.</summary>
    public static IReadOnlyDictionary<char, string> Session { get; } = new Dictionary<char, string>
    {
        ['a'] = "accept", ['x'] = "skip", ['u'] = "undo", ['b'] = "back", ['c'] = "note", ['q'] = "quit", ['>'] = "next page", ['<'] = "previous page", ['?'] = "help",
    };
}
