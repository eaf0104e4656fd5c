namespace Classifier.Engine.Featurization;

/// <summary>A tokenized text as spans over <see cref="Tokens"/>' buffers; valid until that instance tokenizes again.</summary>
internal readonly ref struct TokenView(ReadOnlySpan<char> padded, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths,
    ReadOnlySpan<bool> quoted, bool hasVoices)
{
    public ReadOnlySpan<char> Padded { get; } = padded;
    public ReadOnlySpan<int> Starts { get; } = starts;
    public ReadOnlySpan<int> Lengths { get; } = lengths;
    public ReadOnlySpan<bool> Quoted { get; } = quoted;
    public bool HasVoices { get; } = hasVoices;
}
