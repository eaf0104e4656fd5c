namespace Classifier.Trainer.Labelling;

/// <summary>
/// Keys from a text stream, one character per key: "s1k2q" labels two paragraphs and quits. A line break is
/// Enter (accept the suggestion); after 'c' the rest of the line is the note.
/// </summary>
public sealed class ReaderKeySource(TextReader reader) : IKeySource
{
    public int ReadKey()
    {
        int c = reader.Read();
        if (c == '\r')
        {
            if (reader.Peek() == '\n') reader.Read();
            return '\n';
        }
        return c;
    }

    public string? ReadLine() => reader.ReadLine();
}
