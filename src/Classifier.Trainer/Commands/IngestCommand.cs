using System.CommandLine;

namespace Classifier.Trainer.Commands;

/// <summary><c>trainer ingest</c>: articles in, one CSV row per kept paragraph out.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Text files, directories of .txt files, or CSV files of articles.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ingest", "Split articles into clean paragraphs and write them to a CSV.") { paths };
        command.SetAction(parse => 0);
        return command;
    }
}
