using System.CommandLine;
using System.Globalization;
using Classifier.Cli;
using Classifier.Text.Diagnostics;
using Classifier.Labelling;
using Spectre.Console;

namespace Classifier.Trainer.Commands;

/// <summary><c>trainer agreement A.csv B.csv</c>: how far two annotators agree, per label column.</summary>
public static class AgreementCommand
{
    public static Command Create()
    {
        var first = new Argument<string>("first") { Description = "Labels of annotator A (CSV with an id column)." };
        var second = new Argument<string>("second") { Description = "Labels of annotator B." };
        var idCol = new Option<string>("--id-col") { Description = "Column identifying the paragraph in both files.", DefaultValueFactory = _ => "id" };
        var labelCols = new Option<string[]>("--label-col") { Description = "Label column to compare; repeat for several. Default: every label column both files share." };
        var command = new Command("agreement", "Cohen's kappa, percent agreement and the confusion between two annotators, per label column, over the paragraphs both labelled.\n" +
            "Example: trainer agreement data/labels.csv data/labels-second.csv")
        {
            first, second, idCol, labelCols,
        };
        command.SetAction(parse =>
        {
            var results = Agreement.Compare(parse.GetValue(first)!, parse.GetValue(second)!, parse.GetValue(idCol)!, parse.GetValue(labelCols) ?? []);
            var ui = Ui.Create(parse.InvocationConfiguration.Output);
            var summary = new Table().Title("agreement");
            summary.AddColumns("column", "n", "agreement", "Cohen's kappa");
            foreach (var r in results) summary.AddRow(Markup.Escape(r.Column), I(r.Count), F(r.PercentAgreement), F(r.Kappa));
            ui.Write(summary);
            foreach (var r in results)
            {
                var table = new Table().Title(Markup.Escape($"{r.Column}: rows A, columns B"));
                table.AddColumn("A \\ B");
                foreach (var l in r.Labels) table.AddColumn(Markup.Escape(l));
                for (int a = 0; a < r.Labels.Count; a++)
                {
                    var cells = new List<string> { Markup.Escape(r.Labels[a]) };
                    for (int b = 0; b < r.Labels.Count; b++) cells.Add(I((int)r.Confusion.Count(a, b)));
                    table.AddRow([.. cells]);
                }
                ui.Write(table);
            }
            if (results.All(r => r.Count == 0)) throw new InputException("no id is labelled in both files", parse.GetValue(second)!, hint: "check that both use the same ids (--id-col)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
