namespace Classifier.Trainer.Labelling;

/// <summary>Single keys from the terminal without echo; Escape quits, Ctrl-C cancels (both cleanly, so the lock file goes too).</summary>
public sealed class ConsoleKeySource : IKeySource
{
    public int ReadKey()
    {
        var key = Console.ReadKey(intercept: true);
        if (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control)) return LabelSession.CancelKey;
        return key.Key switch
        {
            ConsoleKey.Enter => '\n',
            ConsoleKey.Escape => 'q',
            _ => key.KeyChar == '\0' ? ' ' : key.KeyChar,
        };
    }

    public string? ReadLine() => Console.ReadLine();
}
