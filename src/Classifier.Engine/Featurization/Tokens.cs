using Classifier.Text.Framing;
using Classifier.Text.Normalization;

namespace Classifier.Engine.Featurization;

/// <summary>
/// " tok1 tok2 … " over the normalised text (tokens are maximal runs of letters and digits), each token's start and
/// length in it, and, with voices, whether each token starts inside quotation marks. Reusable buffers: one instance
/// per thread tokenizes text after text without allocating.
/// </summary>
internal sealed class Tokens
{
    private char[] _normalized = new char[1024], _padded = new char[1024];
    private int[] _starts = new int[256], _lengths = new int[256];
    private bool[] _quoted = new bool[256], _mask = new bool[1024];
    private int _paddedLength, _count;
    private bool _voices;

    public TokenView View => new(_padded.AsSpan(0, _paddedLength), _starts.AsSpan(0, _count), _lengths.AsSpan(0, _count),
        _voices ? _quoted.AsSpan(0, _count) : default, _voices);

    public void Tokenize(string text, bool voices)
    {
        Grow(ref _normalized, TextNormalizer.MaxNormalizedLength(text.Length));
        int length = TextNormalizer.NormalizeInto(text, _normalized);
        var normalized = _normalized.AsSpan(0, length);
        _voices = voices;
        if (voices)
        {
            Grow(ref _mask, length);
            var mask = _mask.AsSpan(0, length);
            mask.Clear();
            QuoteSplitter.Mark(normalized, mask);
        }
        // A token needs at least one letter and a separator, so there are at most (length + 1) / 2 of them.
        int most = length / 2 + 1;
        Grow(ref _padded, length + 2);
        Grow(ref _starts, most);
        Grow(ref _lengths, most);
        if (voices) Grow(ref _quoted, most);
        Pad(normalized, voices);
    }

    private void Pad(ReadOnlySpan<char> normalized, bool voices)
    {
        var padded = _padded.AsSpan();
        int length = 0, count = 0;
        padded[length++] = ' ';
        bool inToken = false;
        for (int i = 0; i < normalized.Length; i++)
        {
            char c = normalized[i];
            if (char.IsLetterOrDigit(c))
            {
                if (!inToken)
                {
                    _starts[count] = length;
                    if (voices) _quoted[count] = _mask[i];
                    count++;
                    inToken = true;
                }
                padded[length++] = c;
            }
            else if (inToken)
            {
                _lengths[count - 1] = length - _starts[count - 1];
                padded[length++] = ' ';
                inToken = false;
            }
        }
        if (inToken)
        {
            _lengths[count - 1] = length - _starts[count - 1];
            padded[length++] = ' ';
        }
        _count = count;
        // No tokens means no text at all, not a lone padding space: no character n-grams either.
        _paddedLength = count == 0 ? 0 : length;
    }

    private static void Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[Math.Max(length, 2 * buffer.Length)];
    }
}
