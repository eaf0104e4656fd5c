using System.Globalization;
using Classifier.Engine.Pipeline;
using Classifier.Trainer.Reports;
using Spectre.Console;

namespace Classifier.Trainer.Cli;

/// <summary>The tables the trainer prints at the end of a run.</summary>
public static class Tables
{
    public static void Summary(IAnsiConsole ui, EvaluationReport report)
    {
        var table = new Table().Title(Markup.Escape(report.Title));
        table.AddColumns("head", "rows", "macro-F1", "baseline macro-F1", "F_avg", "micro-acc", "macro-acc", "kappa", "log-loss");
        foreach (var h in report.Heads)
        {
            var m = h.Metrics;
            table.AddRow(Markup.Escape(h.Head), m.Count.ToString(CultureInfo.InvariantCulture), F(m.MacroF1), h.Baseline is { } b ? F(b.MacroF1) : "-", h.FAverage is { } f ? F(f) : "-",
                F(m.MicroAccuracy), F(m.MacroAccuracy), F(m.Kappa), F(m.LogLoss));
        }
        ui.Write(table);
        foreach (var h in report.Heads)
        {
            var perClass = new Table().Title(Markup.Escape($"{h.Head}: per class"));
            perClass.AddColumns("label", "precision", "recall", "F1", "support");
            foreach (var c in h.Metrics.PerClass)
                perClass.AddRow(Markup.Escape(c.Label), F(c.Precision), F(c.Recall), F(c.F1), c.Support.ToString(CultureInfo.InvariantCulture));
            ui.Write(perClass);
        }
    }

    public static void Leaderboard(IAnsiConsole ui, IReadOnlyList<LeaderboardEntry> board)
    {
        var table = new Table().Title("auto: candidates by cross-validated macro-F1 (mean over heads)");
        table.AddColumn("rank");
        table.AddColumn("trainer");
        table.AddColumn("engine");
        var heads = board.Count > 0 ? board[0].MacroF1ByHead.Keys.ToList() : [];
        foreach (var h in heads) table.AddColumn(Markup.Escape($"{h} macro-F1"));
        table.AddColumns("mean", "seconds");
        for (int i = 0; i < board.Count; i++)
        {
            var e = board[i];
            var cells = new List<string> { (i + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Candidate.ToString()), Markup.Escape(TrainerFactory.Definition(e.Candidate.Trainer).Engine) };
            foreach (var h in heads) cells.Add(F(e.MacroF1ByHead[h]));
            cells.Add(F(e.MeanMacroF1));
            cells.Add(e.Seconds.ToString("0.0", CultureInfo.InvariantCulture));
            table.AddRow([.. cells]);
        }
        ui.Write(table);
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}
