namespace Classifier.Trainer.Labelling;

/// <summary>Where the labeller's keys come from: the terminal, or a scripted stream (tests, pipes).</summary>
public interface IKeySource
{
    /// <summary>The next key ('\n' for Enter), or -1 when the stream has ended.</summary>
    int ReadKey();

    /// <summary>A line of free text (a note), or null when the stream has ended.</summary>
    string? ReadLine();
}
