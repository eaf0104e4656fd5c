namespace Classifier.Trainer.Labelling;

/// <summary>Single keys from the terminal without echo; Escape quits.</summary>
public sealed class ConsoleKeySource : IKeySource
{
    public int ReadKey()
    {
        var key = Console.ReadKey(intercept: true);
        return key.Key switch
        {
            ConsoleKey.Enter => '\n',
            ConsoleKey.Escape => 'q',
            _ => key.KeyChar == '\0' ? ' ' : key.KeyChar,
        };
    }

    public string? ReadLine() => Console.ReadLine();
}
