using System.CommandLine;
using Classifier.Trainer.Commands;

namespace Classifier.Trainer;

public static class Program
{
    public static int Main(string[] args) => Run(args);

    /// <summary>Entry point shared by the executable and the end-to-end tests.</summary>
    public static int Run(string[] args)
    {
        var root = new RootCommand("trainer: turn news articles into labelled paragraphs and train stance and topic classifiers.")
        {
            IngestCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
