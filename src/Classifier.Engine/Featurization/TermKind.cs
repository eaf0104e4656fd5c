namespace Classifier.Engine.Featurization;

public enum TermKind { Word, Char }
