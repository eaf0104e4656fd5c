namespace Classifier.Engine.Pipeline;

/// <summary>One cross-validated candidate: macro-F1 per head, their mean (the ranking key) and the seconds it took.</summary>
public sealed record LeaderboardEntry(TrainerCandidate Candidate, IReadOnlyDictionary<string, double> MacroF1ByHead, double MeanMacroF1, double Seconds, OutOfFoldPredictions[] Predictions);
