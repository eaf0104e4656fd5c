using System.CommandLine;

namespace Classifier.Predictor;

public static class Program
{
    public static int Main(string[] args) => Run(args);

    /// <summary>Entry point shared by the executable and the end-to-end tests.</summary>
    public static int Run(string[] args)
    {
        var root = new RootCommand("predictor: score news paragraphs and articles for stance and topic.");
        root.SetAction(parse => 0);
        return root.Parse(args).Invoke();
    }
}
