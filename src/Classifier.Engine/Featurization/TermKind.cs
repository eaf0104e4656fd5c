namespace Classifier.Engine.Featurization;

/// <summary>Which block an n-gram feeds: words, characters, or words marked by voice (quoted or narrator).</summary>
public enum TermKind { Word, Char, Voice }
