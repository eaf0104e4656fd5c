namespace Classifier.Engine.Featurization;

/// <summary>
/// The 64-bit n-gram hashes of one text: word n-grams first, character n-grams from <paramref name="CharStart"/> on,
/// voice-salted word n-grams from <paramref name="VoiceStart"/> on.
/// </summary>
public readonly record struct NgramList(ulong[] Hashes, int CharStart, int VoiceStart);
