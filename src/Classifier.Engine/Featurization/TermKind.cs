namespace Classifier.Engine.Featurization;

/// <summary>Which block a feature belongs to: words, characters, words marked by voice (quoted or narrator), or rules.</summary>
public enum TermKind { Word, Char, Voice, Rule }
