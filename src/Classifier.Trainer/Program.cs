using System.CommandLine;
using Classifier.Text.Diagnostics;
using Classifier.Cli;
using Classifier.Trainer.Cli;
using Classifier.Trainer.Commands;

namespace Classifier.Trainer;

public static class Program
{
    public static int Main(string[] args) => Run(args);

    /// <summary>Entry point shared by the executable and the end-to-end tests (which pass their own writers and input).</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null, TextReader? input = null)
    {
        Classifier.Embeddings.ArcticXsEmbedder.Register();
        Classifier.MlNet.MlNetEngine.Register();
        var root = new RootCommand("trainer: turn news articles into labelled paragraphs and train text classifiers.\n" +
            "Exit codes: 0 ok, 2 bad command line, 3 bad input file, 4 bad model file, 5 cannot write output, 130 cancelled.")
        {
            IngestCommand.Create(input),
            TrainCommand.Create(),
            EvaluateCommand.Create(),
            AutolabelCommand.Create(),
            LabelCommand.Create(),
            AgreementCommand.Create(),
            ExportCommand.Create(),
        };
        return CommandHost.Invoke(root, args, "trainer", output, error);
    }
}
