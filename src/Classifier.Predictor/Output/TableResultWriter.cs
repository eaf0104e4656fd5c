using System.Globalization;
using Classifier.Engine.Pipeline;
using Classifier.Scoring;
using Classifier.Scoring.Output;
using Spectre.Console;

namespace Classifier.Predictor.Output;

/// <summary>table: for people. Per article a summary line (slant, distribution, main labels) and a table of its paragraphs.</summary>
public sealed class TableResultWriter(IAnsiConsole console, IReadOnlyList<ClassifierHead> heads, PredictorOptions options) : IResultWriter
{
    public void Write(ArticleResult article)
    {
        var s = article.Summary;
        console.Write(new Rule(Markup.Escape($"{article.Article} ({s.Paragraphs} paragraphs)")).LeftJustified());
        if (s.Slant is { } slant)
            console.MarkupLine(Inv($"slant [bold]{slant:+0.00;-0.00;0.00}[/] (−1 pro-kosovo … +1 pro-serbia)"));
        foreach (var h in heads)
        {
            var dist = string.Join(", ", s.Distribution[h.Name].OrderByDescending(kv => kv.Value).Select(kv => Inv($"{kv.Key} {kv.Value:0.00}")));
            console.MarkupLine($"{Markup.Escape(h.Name)}: main {Markup.Escape(string.Join(", ", s.MainLabels[h.Name]))}; distribution {Markup.Escape(dist)}");
        }
        var table = new Table().Expand();
        table.AddColumn("#");
        foreach (var h in heads) table.AddColumn(Markup.Escape(h.Name));
        table.AddColumn("text");
        foreach (var p in article.Paragraphs)
        {
            var cells = new List<string> { p.Index.ToString(CultureInfo.InvariantCulture) };
            for (int h = 0; h < heads.Count; h++)
            {
                var top = TopLabels.Of(heads[h], p.Predictions[h], options.TopK);
                var cell = string.Join("\n", top.Select(t => Inv($"{t.Label} {t.Probability:0.00}")));
                if (p.Explanations is not null && p.Explanations[h].Count > 0)
                    cell += "\n" + string.Join(", ", p.Explanations[h].Select(t => Inv($"{t.Term} {t.Contribution:+0.00;-0.00}")));
                cells.Add(Markup.Escape(cell));
            }
            cells.Add(Markup.Escape(p.Text.Length > 220 ? p.Text[..217] + "..." : p.Text));
            table.AddRow([.. cells]);
        }
        console.Write(table);
    }

    public void Complete() { }

    public void Dispose() { }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
