using System.CommandLine;
using System.Globalization;
using Classifier.Cli;
using Classifier.Text.Csv;
using Classifier.Text.Diagnostics;
using Classifier.Text.IO;
using Classifier.Text.Labelling;
using Classifier.Text.Labels;
using Classifier.Trainer.Labelling;
using Spectre.Console;

namespace Classifier.Trainer.Commands;

/// <summary><c>trainer autolabel</c>: labelling rules in, weak labels (label, confidence, rules fired) out.</summary>
public static class AutolabelCommand
{
    public static Command Create()
    {
        var rules = new Option<string>("--rules", "-r") { Description = "Rule file (JSON), e.g. data/rules.json.", Required = true };
        var input = new Option<string>("--in", "-i") { Description = "Paragraph CSV, e.g. data/paragraphs.csv.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Weak-label CSV to write (id, text, stance, stance_confidence, topic, topic_confidence, rules).", Required = true };
        var gold = new Option<string?>("--gold") { Description = "Gold labels (id, stance, topic) to score each rule and the combined labels against." };
        var report = new Option<string?>("--report") { Description = "Also write the rule table as Markdown to this file." };
        var textCol = new Option<string>("--text-col") { Description = "Column holding the text.", DefaultValueFactory = _ => "text" };
        var idCol = new Option<string>("--id-col") { Description = "Column holding the row id (shared with the gold file).", DefaultValueFactory = _ => "id" };
        var timeout = new Option<int>("--regex-timeout") { Description = "Match timeout of each rule pattern, in milliseconds.", DefaultValueFactory = _ => 1000 }.AtLeast(1, "1000");
        var command = new Command("autolabel", "Label paragraphs with rules, combining their votes with a label model (Dawid-Skene EM, weighted majority vote as fallback).\n" +
            "Example: trainer autolabel --rules data/rules.json --in data/paragraphs.csv --out data/weak.csv --gold data/labels.csv")
        {
            rules, input, output, gold, report, textCol, idCol, timeout,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(parse, ct, parse.GetValue(rules)!, parse.GetValue(input)!, parse.GetValue(output)!,
            parse.GetValue(gold), parse.GetValue(report), parse.GetValue(textCol)!, parse.GetValue(idCol)!, parse.GetValue(timeout))));
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken ct, string rulesPath, string inPath, string outPath, string? goldPath, string? reportPath,
        string textCol, string idCol, int timeoutMs)
    {
        var ui = Ui.Create(parse.InvocationConfiguration.Error);
        var ruleSet = RuleSet.Load(rulesPath, TimeSpan.FromMilliseconds(timeoutMs));
        void Warn(string w) => ui.MarkupLineInterpolated($"[yellow]warning:[/] {w}");
        var gold = goldPath is null ? null : GoldLabels.Read(goldPath, idCol, Warn);
        var rows = ParagraphRows.Read(inPath, textCol, idCol, Warn);
        if (rows.Count == 0) throw new InputException("the input has no rows with text", inPath);
        var weak = Ui.WithProgress(ui, "labelling", tick => WeakLabeller.Run(ruleSet, rows.Ids, rows.Texts, ct,
            done => tick((double)done / rows.Count, done < rows.Count ? $"{done:N0} of {rows.Count:N0} rows" : "fitting the label model")));

        AtomicFile.WriteText(outPath, writer =>
        {
            using var csv = CsvOutput.Create(writer);
            CsvOutput.WriteRow(csv, "id", "article", "text", "stance", "stance_confidence", "topic", "topic_confidence", "rules");
            var stance = weak.Head(LabelSchema.StanceColumn);
            var topic = weak.Head(LabelSchema.TopicColumn);
            for (int i = 0; i < rows.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                CsvOutput.WriteRow(csv, rows.Ids[i], rows.Articles[i], rows.Texts[i], stance?.LabelOf(i) ?? "", Confidence(stance, i), topic?.LabelOf(i) ?? "",
                    Confidence(topic, i), string.Join(';', weak.Fired[i]));
            }
        });

        var output = parse.InvocationConfiguration.Output;
        foreach (var h in weak.Heads)
        {
            var counts = new int[h.Votes.ClassCount];
            int labelled = 0;
            foreach (var l in h.Model.Labels) if (l >= 0) { counts[l]++; labelled++; }
            var parts = new List<string>();
            for (int c = 0; c < counts.Length; c++) if (counts[c] > 0) parts.Add($"{h.Votes.Classes[c]} {counts[c]}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{h.Head}: {labelled} of {rows.Count} rows labelled by {h.Model.Method} ({h.Model.Note}){(parts.Count > 0 ? ": " + string.Join(", ", parts) : "")}."));
        }
        output.WriteLine($"Wrote {outPath}.");

        var analysis = RuleReport.Build(weak, rows.Ids, gold);
        if (gold is not null)
        {
            int matched = 0;
            foreach (var id in rows.Ids)
                foreach (var byId in gold.ByHead.Values)
                    if (byId.ContainsKey(id)) { matched++; break; }
            if (matched == 0) Warn($"no id of {inPath} appears in {goldPath}; correct/incorrect stay empty");
        }
        analysis.Write(ui, gold is not null);
        if (reportPath is not null)
        {
            AtomicFile.WriteAllText(reportPath, analysis.ToMarkdown($"Rules of {Path.GetFileName(rulesPath)} on {Path.GetFileName(inPath)}" +
                (goldPath is null ? "" : $" against {Path.GetFileName(goldPath)}"), gold is not null));
            output.WriteLine($"Report: {reportPath}");
        }
        return ExitCodes.Success;
    }

    private static string Confidence(HeadWeakLabels? head, int row) =>
        head is null || head.Model.Labels[row] < 0 ? "" : head.Model.Confidences[row].ToString("0.000", CultureInfo.InvariantCulture);
}
