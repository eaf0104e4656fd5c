namespace Classifier.Labelling;

/// <summary>How far labelling is.</summary>
/// <param name="Labelled">Ids with an answer in the store (paragraphs of other inputs included).</param>
/// <param name="Remaining">Paragraphs of the input without an answer.</param>
/// <param name="Answered">New answers this session (undone ones not counted).</param>
/// <param name="Skipped">Paragraphs skipped this session.</param>
/// <param name="Counts">Per head name, per value, how many current answers give it (every value of the schema, zeros included).</param>
public sealed record LabellingProgress(int Labelled, int Remaining, int Answered, int Skipped, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts);
