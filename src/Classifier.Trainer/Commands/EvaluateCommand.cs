using Spectre.Console;
using System.CommandLine;
using Classifier.Engine.Persistence;
using Classifier.Engine.Pipeline;
using Classifier.Text.Csv;
using Classifier.Text.Datasets;
using Classifier.Text.Diagnostics;
using Classifier.Cli;
using Classifier.Trainer.Cli;
using Classifier.Trainer.Reports;

namespace Classifier.Trainer.Commands;

/// <summary><c>trainer evaluate</c>: score a model on labelled data it did not see and write an accuracy report.</summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model(required: true);
        var data = new Option<string>("--data", "-d") { Description = "Labelled CSV with the model's label columns.", Required = true };
        var textCols = CommonOptions.TextColumns();
        var report = new Option<string?>("--report") { Description = "Write report.md, report.html and metrics.json to this directory." };
        var command = new Command("evaluate", "Evaluate a model on labelled data: prints a summary and writes an accuracy report.\n" +
            "Example: trainer evaluate --model models/default.zip --data data/labels.csv --report out/report")
        {
            model, data, textCols, report,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(parse, parse.GetValue(model)!, parse.GetValue(data)!, parse.GetValue(textCols)!, parse.GetValue(report), ct)));
        return command;
    }

    private static int Run(ParseResult parse, string modelPath, string dataPath, string[] textColumns, string? reportDir, CancellationToken ct)
    {
        var ui = Ui.Create(parse.InvocationConfiguration.Error);
        var model = ModelFile.Load(modelPath);
        void Warn(string w) => ui.MarkupLineInterpolated($"[yellow]warning:[/] {w}");
        var heads = PresentHeads(model, dataPath, Warn);
        var data = LabelledCsvReader.Read(dataPath, new LabelledCsvOptions(textColumns, [.. heads.Select(h => model.Heads[h].Name)], AutoGroup: false), Warn);
        CheckLabelsKnown(model, heads, data, dataPath);
        int seen = model.Info.CountTrainingTexts(data.Texts);
        if (seen > 0)
            Warn(seen == data.Count
                ? $"all {data.Count} rows of {dataPath} are in the model's training data: these figures are on training data, not held out, and say little about new text"
                : $"{seen} of {data.Count} rows of {dataPath} are in the model's training data: the figures mix training and held-out rows");

        var predictions = Ui.WithProgress(ui, "predicting", tick =>
        {
            var result = model.PredictGrouped(data.Texts, data.Groups, ct);
            tick(1, "done");
            return result;
        });
        var perHead = new List<OutOfFoldPredictions>();
        for (int column = 0; column < heads.Count; column++)
        {
            int h = heads[column];
            var head = model.Heads[h];
            int k = head.Labels.Count;
            var rows = new List<int>();
            var truth = new List<int>();
            var probs = new List<float>();
            for (int i = 0; i < data.Count; i++)
            {
                if (data.Labels[i][column] is not { } label) continue;
                rows.Add(i);
                truth.Add(head.IndexOf(label));
                probs.AddRange(predictions[i][h].Probabilities);
            }
            if (rows.Count == 0)
            {
                Warn($"no row has a '{head.Name}' label; that head is not evaluated");
                continue;
            }
            perHead.Add(new OutOfFoldPredictions(head.Name, head.Labels, [.. rows], [.. truth], [.. probs]));
        }
        if (perHead.Count == 0)
            throw new InputException("no row has a label for any of the model's heads", dataPath, hint: "fill at least one label column to evaluate it");
        var evaluation = EvaluationReport.Build($"Evaluation of {Path.GetFileName(modelPath)}", dataPath, modelPath, [.. perHead], data.Texts, data.Ids);
        // The figures are the command's result: standard output, so '> file' keeps them; progress and warnings stay on standard error.
        Tables.Summary(Ui.Create(parse.InvocationConfiguration.Output), evaluation);
        if (reportDir is not null)
        {
            ReportWriter.Write(reportDir, evaluation);
            parse.InvocationConfiguration.Output.WriteLine($"Report: {Path.Combine(reportDir, "report.html")}");
        }
        return ExitCodes.Success;
    }

    /// <summary>The model heads (by index) whose label column the file has; the others are named in a warning.</summary>
    private static List<int> PresentHeads(TextClassifier model, string path, Action<string> warn)
    {
        using var table = CsvTable.Open(path);
        var present = new List<int>();
        for (int h = 0; h < model.Heads.Count; h++)
            if (table.TryColumnIndex(model.Heads[h].Name) >= 0) present.Add(h);
            else warn($"{path} has no '{model.Heads[h].Name}' column; that head is not evaluated");
        if (present.Count == 0)
            throw new InputException($"the file has none of the model's label columns ({string.Join(", ", model.Heads.Select(h => h.Name))})", path, 1,
                hint: $"the columns are: {string.Join(", ", table.Columns)}");
        return present;
    }

    /// <summary>A label the model never saw cannot be scored honestly: stop and say which.</summary>
    private static void CheckLabelsKnown(TextClassifier model, IReadOnlyList<int> heads, LabelledDataset data, string path)
    {
        for (int column = 0; column < heads.Count; column++)
        {
            var head = model.Heads[heads[column]];
            var unknown = new SortedSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < data.Count; i++)
                if (data.Labels[i][column] is { } label && head.IndexOf(label) < 0) unknown.Add(label);
            if (unknown.Count > 0)
                throw new InputException($"column '{head.Name}' has label(s) the model was not trained on: {string.Join(", ", unknown)}", path,
                    hint: $"the model knows: {string.Join(", ", head.Labels)}");
        }
    }
}
