using System.Globalization;
using System.Text;
using Classifier.Text.Labelling;
using Spectre.Console;

namespace Classifier.Trainer.Labelling;

/// <summary>The rule table (Snorkel's columns) and the combined labels' score against gold, as a console table or Markdown.</summary>
public sealed class RuleReport
{
    private RuleReport(IReadOnlyList<RuleStats> rules, IReadOnlyList<RuleHeadScore> heads)
    {
        Rules = rules;
        Heads = heads;
    }

    public IReadOnlyList<RuleStats> Rules { get; }
    public IReadOnlyList<RuleHeadScore> Heads { get; }

    /// <summary>Builds the report; <paramref name="gold"/> may be null (then correct/incorrect stay zero).</summary>
    public static RuleReport Build(WeakLabels weak, IReadOnlyList<string> ids, GoldLabels? gold)
    {
        var rules = new List<RuleStats>();
        var heads = new List<RuleHeadScore>();
        foreach (var h in weak.Heads)
        {
            int[]? goldIndex = null;
            if (gold is not null && gold.ByHead.TryGetValue(h.Head, out var byId))
            {
                goldIndex = new int[ids.Count];
                for (int i = 0; i < ids.Count; i++)
                    goldIndex[i] = byId.TryGetValue(ids[i], out var label) ? IndexOf(h.Votes.Classes, label) : -1;
            }
            rules.AddRange(RuleAnalysis.Analyze(h.Votes, goldIndex, h.Model.RuleAccuracies));
            int labelled = 0;
            foreach (var l in h.Model.Labels) if (l >= 0) labelled++;
            var score = goldIndex is null ? (0, 0, 0) : RuleAnalysis.Score(h.Model.Labels, goldIndex);
            var majority = goldIndex is null ? (0, 0, 0) : RuleAnalysis.Score(LabelModel.MajorityVote(h.Votes), goldIndex);
            heads.Add(new RuleHeadScore(h.Head, h.Model.Method, h.Model.Note, ids.Count, labelled, score.Item1, score.Item2, score.Item3, majority.Item2, majority.Item3));
        }
        return new RuleReport(rules, heads);
    }

    public void Write(IAnsiConsole ui, bool withGold)
    {
        // Ten columns do not fit 80 characters; logs and pipes have no width, so give them room.
        if (!ui.Profile.Capabilities.Interactive) ui.Profile.Width = Math.Max(ui.Profile.Width, 160);
        var table = new Table().Title("rules" + (withGold ? " against gold" : ""));
        table.AddColumns("rule", "head", "polarity", "coverage", "overlaps", "conflicts", "correct", "incorrect", "emp. acc.", "learned weight");
        foreach (var r in Rules)
            table.AddRow(Markup.Escape(r.Rule), r.Head, Markup.Escape(string.Join(",", r.Polarity)), F(r.Coverage), F(r.Overlaps), F(r.Conflicts),
                I(r.Correct), I(r.Incorrect), F(r.EmpiricalAccuracy), F(r.LearnedWeight));
        ui.Write(table);
        var combined = new Table().Title("combined labels");
        combined.AddColumns("head", "label model", "rows", "labelled");
        if (withGold) combined.AddColumns("gold rows", "coverage", "accuracy", "majority-vote coverage", "majority-vote accuracy");
        foreach (var h in Heads)
        {
            var cells = new List<string> { h.Head, Markup.Escape($"{h.Method} ({h.Note})"), I(h.Rows), I(h.Labelled) };
            if (withGold) cells.AddRange([I(h.Gold), F(h.Coverage), F(h.Accuracy), F(h.MajorityCoverage), F(h.MajorityAccuracy)]);
            combined.AddRow([.. cells]);
        }
        ui.Write(combined);
    }

    public string ToMarkdown(string title, bool withGold)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {title}");
        md.AppendLine();
        md.AppendLine("| rule | head | polarity | coverage | overlaps | conflicts | correct | incorrect | empirical accuracy | learned weight |");
        md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Rules)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Rule} | {r.Head} | {string.Join(",", r.Polarity)} | {F(r.Coverage)} | {F(r.Overlaps)} | {F(r.Conflicts)} | {r.Correct} | {r.Incorrect} | {F(r.EmpiricalAccuracy)} | {F(r.LearnedWeight)} |");
        md.AppendLine();
        md.AppendLine(withGold
            ? "| head | label model | rows | labelled | gold rows | coverage | accuracy | majority-vote coverage (ties left out) | majority-vote accuracy |\n|---|---|---:|---:|---:|---:|---:|---:|---:|"
            : "| head | label model | rows | labelled |\n|---|---|---:|---:|");
        foreach (var h in Heads)
            md.AppendLine(withGold
                ? string.Create(CultureInfo.InvariantCulture, $"| {h.Head} | {h.Method} ({h.Note}) | {h.Rows} | {h.Labelled} | {h.Gold} | {F(h.Coverage)} | {F(h.Accuracy)} | {F(h.MajorityCoverage)} | {F(h.MajorityAccuracy)} |")
                : string.Create(CultureInfo.InvariantCulture, $"| {h.Head} | {h.Method} ({h.Note}) | {h.Rows} | {h.Labelled} |"));
        return md.ToString();
    }

    private static int IndexOf(IReadOnlyList<string> classes, string label)
    {
        for (int c = 0; c < classes.Count; c++) if (classes[c] == label) return c;
        return -1;
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
