using System.Text;
using Classifier.Tests.Support;
using Classifier.Text.Csv;

namespace Classifier.Tests.Labelling;

/// <summary>Small paragraph, rule and label files for the labelling tests.</summary>
internal static class LabellingFixtures
{
    /// <summary>A model (nb) trained on 6 articles, and paragraphs.csv to label from 6 other articles (ids q0.., articles b0..).</summary>
    public static (string Model, string Train, List<string[]> Fresh) TrainedModelAndFreshParagraphs(TempDir dir)
    {
        var train = dir.Write("train.csv", Fixtures.StanceCsv(articles: 6));
        var model = dir.File("m.zip");
        var fit = CliRun.Trainer("train", "--data", train, "--model", model, "--trainer", "nb", "--cv", "none");
        Assert.True(fit.ExitCode == 0, fit.ToString());
        var fresh = Rows(dir.Write("fresh.csv", Fixtures.StanceCsv(articles: 6, seed: 11)));
        dir.Write("paragraphs.csv", "id,article,text\n" + string.Concat(fresh.Select((r, i) => $"q{i},b{r[1]},{r[2]}\n")));
        return (model, train, fresh);
    }

    /// <summary>Two articles of four paragraphs each (ids a:1..a:4, b:1..b:4).</summary>
    public const string Paragraphs =
        "id,article,index,text\n" +
        "a:1,a,1,\"Belgrade says the so-called government in Pristina is separatist.\"\n" +
        "a:2,a,2,KFOR troops and police patrolled the northern bridge.\n" +
        "a:3,a,3,\"Both sides were urged to show restraint, the EU said.\"\n" +
        "a:4,a,4,The EU-facilitated dialogue resumes in Brussels next week.\n" +
        "b:1,b,1,Serbia-backed gunmen attacked the police in Banjska.\n" +
        "b:2,b,2,The mayor of Zvecan was elected in a boycotted municipal election.\n" +
        "b:3,b,3,Chinese investment and loans flow into Serbia.\n" +
        "b:4,b,4,The weather was mild on Sunday.\n";

    public const string Rules = """
        { "rules": [
          { "name": "ps", "head": "stance", "label": "pro-serbia", "kind": "keywords", "patterns": ["so-called", "separatist*"], "rationale": "loaded terms" },
          { "name": "pk", "head": "stance", "label": "pro-kosovo", "kind": "phrase", "patterns": ["serbia-backed"], "rationale": "attribution" },
          { "name": "neu", "head": "stance", "label": "neutral", "kind": "regex", "patterns": ["both sides", "restraint"], "rationale": "de-escalation" },
          { "name": "sec", "head": "topic", "label": "security", "kind": "keywords", "patterns": ["police", "kfor", "gunm*"], "rationale": "security" },
          { "name": "dia", "head": "topic", "label": "dialogue", "kind": "phrase", "patterns": ["eu-facilitated dialogue"], "rationale": "dialogue" },
          { "name": "gov", "head": "topic", "label": "governance", "kind": "keywords", "patterns": ["mayor", "municipal", "election"], "rationale": "governance" },
          { "name": "eco", "head": "topic", "label": "economy", "kind": "keywords", "patterns": ["investment", "loans"], "rationale": "economy" }
        ] }
        """;

    /// <summary>Gold labels for some of the paragraphs (b:4 and a:4 have none).</summary>
    public const string Gold =
        "id,article,text,stance,topic,annotator,note\n" +
        "a:1,a,x,pro-serbia,governance,g,\n" +
        "a:2,a,x,neutral,security,g,\n" +
        "a:3,a,x,neutral,diplomacy,g,\n" +
        "b:1,b,x,pro-kosovo,security,g,\n" +
        "b:2,b,x,neutral,governance,g,\n" +
        "b:3,b,x,pro-kosovo,economy,g,\n";

    /// <summary>The data rows of a CSV file, as field arrays.</summary>
    public static List<string[]> Rows(string path)
    {
        using var table = CsvTable.Open(path);
        return table.Records().Select(r => r.Fields).ToList();
    }

    /// <summary>
    /// What a labels file says now: each id's last row (a later row is a correction), in the order ids first
    /// appear, leaving out ids whose last row withdrew the answer (stance and topic empty).
    /// </summary>
    public static List<string[]> Effective(string path)
    {
        var rows = Rows(path);
        var last = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var r in rows) last[r[0]] = r;
        return [.. rows.Select(r => r[0]).Distinct().Select(id => last[id]).Where(r => r[3].Length > 0 || r[4].Length > 0)];
    }

    public static IReadOnlyList<string> Columns(string path)
    {
        using var table = CsvTable.Open(path);
        return table.Columns;
    }

    public static string Utf8(string s) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s));
}
