using Classifier.Text.IO;
using System.CommandLine;
using Classifier.Cli;
using Classifier.Engine.Persistence;
using Classifier.Labelling;
using Classifier.Text.Diagnostics;
using Classifier.Text.Labelling;
using Classifier.Trainer.Labelling;
using Spectre.Console;

namespace Classifier.Trainer.Commands;

/// <summary><c>trainer label</c>: the interactive labeller (or a scripted one, fed keys from a file or a pipe).</summary>
public static class LabelCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--in", "-i") { Description = "Paragraph CSV (id, article, text), e.g. data/paragraphs.csv.", Required = true };
        var labels = new Option<string>("--labels", "-l") { Description = "Labels file to append answers to (created if missing), e.g. data/labels.csv.", Required = true };
        var model = new Option<string?>("--model", "-m") { Description = "Model file (.zip) whose predictions are suggested and drive --order uncertain." };
        var rules = new Option<string?>("--rules", "-r") { Description = "Rule file whose combined votes are suggested, e.g. data/rules.json." };
        var order = new Option<string?>("--order") { Description = "uncertain (least confident first), sequential or random. Default: uncertain with --model or --rules, else sequential." };
        order.AcceptOnlyFromAmong("uncertain", "sequential", "random");
        var annotator = new Option<string>("--annotator", "-a") { Description = "Your name, recorded with every answer.", DefaultValueFactory = _ => Environment.UserName };
        var keys = new Option<string?>("--keys") { Description = "Read keys from this file ('-' for standard input) and print plain text, for scripts and tests." };
        var seed = new Option<int>("--seed") { Description = "Seed of --order random.", DefaultValueFactory = _ => 1 };
        var retrain = new Option<int>("--retrain-every") { Description = "With --model and --train-data: retrain on the model's data plus the answers every N answers, keep the result if it cross-validates no worse, and reorder (0: never).", DefaultValueFactory = _ => 20 }.AtLeast(0, "20");
        var trainData = new Option<string[]>("--train-data") { Description = "The labelled CSV(s) the model was trained on (its 'trainer train --data'), checked against the model's manifest; needed to retrain." };
        var trainOnly = new Option<string[]>("--train-only") { Description = "The model's '--train-only' CSV(s), e.g. data/supplement.csv." };
        var textCol = new Option<string>("--text-col") { Description = "Column holding the text.", DefaultValueFactory = _ => "text" };
        var idCol = new Option<string>("--id-col") { Description = "Column holding the paragraph id.", DefaultValueFactory = _ => "id" };
        var schema = new Option<string?>("--schema") { Description = "JSON file of the heads to label, each with its values and optionally keys (see README). Default: the codebook's stance and topic." };
        var command = new Command("label", "Label paragraphs, one key per head (stance and topic, or the heads of --schema); every answer is saved at once.\n" + LabelSession.Help +
            "\nExample: trainer label --in data/paragraphs.csv --labels data/labels.csv --rules data/rules.json")
        {
            input, labels, model, rules, order, annotator, keys, seed, retrain, trainData, trainOnly, textCol, idCol, schema,
        };
        command.SetAction(parse =>
        {
            var args = new LabelArguments(parse.GetValue(input)!, parse.GetValue(labels)!, parse.GetValue(model), parse.GetValue(rules), parse.GetValue(order),
                parse.GetValue(annotator)!, parse.GetValue(keys), parse.GetValue(seed), parse.GetValue(retrain), parse.GetValue(textCol)!, parse.GetValue(idCol)!,
                parse.GetValue(trainData) ?? [], parse.GetValue(trainOnly) ?? [], parse.GetValue(schema));
            var output = parse.InvocationConfiguration.Output;
            if (args.Keys is null && !Console.IsInputRedirected && Ui.IsTerminal(output))
            {
                // Ctrl-C arrives as a key and cancels the session cleanly (exit 130), instead of killing the process mid-way.
                bool previous = Console.TreatControlCAsInput;
                Console.TreatControlCAsInput = true;
                try
                {
                    return Execute(args, new ConsoleKeySource(), null, AnsiConsole.Console);
                }
                finally
                {
                    Console.TreatControlCAsInput = previous;
                }
            }
            if (args.Keys is null || args.Keys == "-") return Execute(args, new ReaderKeySource(Console.In), output, null);
            FileKind.RequireFile(args.Keys);
            StreamReader reader;
            try
            {
                reader = new StreamReader(args.Keys);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"cannot read the key stream: {ex.Message}", args.Keys);
            }
            using (reader) return Execute(args, new ReaderKeySource(reader), output, null);
        });
        return command;
    }

    /// <summary>Runs one session; <paramref name="plain"/> for scripted sessions, <paramref name="screen"/> for the terminal.</summary>
    public static int Execute(LabelArguments args, IKeySource keys, TextWriter? plain, IAnsiConsole? screen)
    {
        var paragraphs = ParagraphRows.Read(args.In, args.TextColumn, args.IdColumn);
        if (paragraphs.Count == 0) throw new InputException("the input has no paragraphs with text", args.In);
        var schema = args.Schema is null ? LabellingSchema.Codebook : LabellingSchema.Load(args.Schema, LabelSession.SessionKeys);
        var ruleSet = args.Rules is null ? null : RuleSet.Load(args.Rules);
        var model = args.Model is null ? null : ModelFile.Load(args.Model);
        var order = args.Order switch
        {
            "sequential" => SessionOrder.Sequential,
            "random" => SessionOrder.Random,
            "uncertain" => SessionOrder.Uncertain,
            _ => model is not null || ruleSet is not null ? SessionOrder.Uncertain : SessionOrder.Sequential,
        };

        using var store = CsvLabelStore.Open(args.Labels, schema);
        using var signals = new SessionSignals(store.Lock!);
        var say = plain ?? Console.Out;
        if (store.Lock!.Note is { } took) (plain ?? Console.Error).WriteLine(took);
        var suggestions = ruleSet is null ? null : RuleSuggestions.For(ruleSet, paragraphs, schema);
        Retrainer? retrainer = null;
        if (model is not null && args.RetrainEvery > 0)
        {
            retrainer = Retrainer.Prepare(model, args.Model!, schema, args.TrainData ?? [], args.TrainOnly ?? [], out var refusal);
            if (refusal is not null) (plain ?? Console.Error).WriteLine(refusal);
        }
        // Scripted sessions wait for each retraining, so a given key stream always gives the same order.
        var core = new LabellingSession(new LabellingSessionOptions(paragraphs, store, suggestions, model is null ? null : new ClassifierModel(model), order,
            args.Annotator, args.Seed, args.RetrainEvery, retrainer, WaitForRetraining: plain is not null));
        var session = new LabelSession(core, keys, plain, screen);
        if (screen is not null && screen.Profile.Capabilities.AlternateBuffer) screen.AlternateScreen(session.Run);
        else session.Run();
        foreach (var note in store.FileNotes) say.WriteLine(note);
        say.WriteLine($"Saved {session.Answered} answer(s) this session to {args.Labels}; {session.Remaining} paragraph(s) remain.");
        return session.Cancelled ? ExitCodes.Cancelled : ExitCodes.Success;
    }
}
