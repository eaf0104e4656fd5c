using System.CommandLine;
using Classifier.Cli;
using Classifier.Engine.Persistence;
using Classifier.MlNet;
using Classifier.Text.Diagnostics;

namespace Classifier.Trainer.Commands;

/// <summary><c>trainer export --model M.zip --mlnet DIR</c>: each ML.NET head as a standard ML.NET model file.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model(required: true);
        var mlnet = new Option<string>("--mlnet") { Description = "Directory to write one ML.NET model per head (HEAD.zip), loadable with mlContext.Model.Load; input a Text string, output PredictedLabel and Score.", Required = true };
        var heads = new Option<string[]>("--head") { Description = "Export only this head; repeat for several. Default: every head (all must be ML.NET heads)." };
        var command = new Command("export", "Export a model's ML.NET heads (trained with an mlnet-* trainer) as standard ML.NET model files, for plain ML.NET code.\n" +
            "Our own engine's heads cannot be exported: ML.NET has no transform that reproduces their hashed n-gram features.\n" +
            "Example: trainer export --model models/mlnet.zip --mlnet out/mlnet")
        {
            model, mlnet, heads,
        };
        command.SetAction(parse =>
        {
            var loaded = ModelFile.Load(parse.GetValue(model)!);
            var written = MlNetExport.Export(loaded, parse.GetValue(mlnet)!, parse.GetValue(heads) ?? []);
            foreach (var path in written) parse.InvocationConfiguration.Output.WriteLine(path);
            return ExitCodes.Success;
        });
        return command;
    }
}
