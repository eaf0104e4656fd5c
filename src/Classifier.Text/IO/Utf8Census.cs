namespace Classifier.Text.IO;

/// <summary>
/// Counts, over a whole byte stream fed block by block, the valid multi-byte UTF-8 sequences and the invalid ones
/// (as a decoder would replace them with U+FFFD), and where the first invalid ones are, so the detector can weigh
/// "UTF-8 with a few bad bytes" against "another encoding".
/// </summary>
internal sealed class Utf8Census
{
    private const int Remembered = 3;
    private readonly List<(long Line, long Offset, byte Value)> _first = [];
    private long _offset, _line = 1, _sequenceStart;
    private int _need;
    private byte _low = 0x80, _high = 0xBF, _startByte;

    /// <summary>Valid multi-byte sequences of printable characters (C1 controls do not count as evidence of UTF-8).</summary>
    public long MultiByte { get; private set; }
    public long Invalid { get; private set; }

    /// <summary>The first few invalid sequences: 1-based line, 0-based byte offset in the stream, the first byte.</summary>
    public IReadOnlyList<(long Line, long Offset, byte Value)> FirstInvalid => _first;

    public void Add(ReadOnlySpan<byte> block)
    {
        for (int i = 0; i < block.Length; i++)
        {
            if (_need == 0)
            {
                // Between sequences a run of ASCII bytes only moves the offset and counts lines: skip it vectorised.
                int run = block[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                if (run < 0) run = block.Length - i;
                if (run > 0)
                {
                    _line += block.Slice(i, run).Count((byte)'\n');
                    _offset += run;
                    i += run - 1;
                    continue;
                }
            }
            byte b = block[i];
            if (_need > 0)
            {
                if (b >= _low && b <= _high)
                {
                    _low = 0x80;
                    _high = 0xBF;
                    // C2 80–9F decodes to a C1 control, never seen in UTF-8 text but common in Windows-1252 ("Â" and a quote).
                    if (--_need == 0 && !(_startByte == 0xC2 && b < 0xA0)) MultiByte++;
                    _offset++;
                    continue;
                }
                // The sequence broke off: it is one invalid sequence, and this byte starts afresh.
                Bad(_sequenceStart, _startByte);
            }
            Start(b);
            _offset++;
        }
    }

    /// <summary>Call once after the last block: a sequence cut off by the end of the stream is invalid.</summary>
    public void End()
    {
        if (_need > 0) Bad(_sequenceStart, _startByte);
    }

    private void Start(byte b)
    {
        _low = 0x80;
        _high = 0xBF;
        _need = b switch
        {
            < 0x80 => 0,
            >= 0xC2 and <= 0xDF => 1,
            >= 0xE0 and <= 0xEF => 2,
            >= 0xF0 and <= 0xF4 => 3,
            _ => -1,
        };
        if (_need < 0) { _need = 0; Bad(_offset, b); return; }
        if (b == (byte)'\n') _line++;
        // Bounds on the second byte that rule out overlong forms, UTF-16 surrogates and code points past U+10FFFF.
        if (b == 0xE0) _low = 0xA0;
        else if (b == 0xED) _high = 0x9F;
        else if (b == 0xF0) _low = 0x90;
        else if (b == 0xF4) _high = 0x8F;
        _sequenceStart = _offset;
        _startByte = b;
    }

    private void Bad(long offset, byte value)
    {
        Invalid++;
        _need = 0;
        _low = 0x80;
        _high = 0xBF;
        if (_first.Count < Remembered) _first.Add((_line, offset, value));
    }
}
