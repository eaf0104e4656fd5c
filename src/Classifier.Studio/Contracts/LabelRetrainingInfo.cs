namespace Classifier.Studio.Contracts;

/// <summary>Retraining on the Label page: whether it is on (else why not), running now, how many retrained models were swapped in, the last message, and where they are saved.</summary>
public sealed record LabelRetrainingInfo(bool Enabled, int Every, bool Running, int Retrained, string? Message, string? SavedTo);
