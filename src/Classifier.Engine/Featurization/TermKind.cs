namespace Classifier.Engine.Featurization;

/// <summary>Which block a feature belongs to: words, characters, words marked by voice (quoted or narrator), rules, or frames.</summary>
public enum TermKind { Word, Char, Voice, Rule, Frame }
