using System.Diagnostics;
using System.Text.Json;
using Classifier.Text.Ingestion;

namespace Classifier.Bench;

/// <summary>
/// bench rule-times CSV [TEXT_COL]: what each built-in drop rule adds to splitting the file's first 50,000 articles,
/// one thread: the splitter with no rules, with all of them, and with each alone (µs per article, the second of two
/// passes, so the JIT has settled). Finds the rule that makes ingestion slow.
/// </summary>
internal static class RuleTimes
{
    public static int Run(string[] args)
    {
        string textColumn = args.Length > 1 ? args[1] : "text";
        var articles = ArticleReader.Read([args[0]], textColumn, null, TextReader.Null, _ => { }).Take(50_000).ToList();
        using var doc = JsonDocument.Parse(DropRules.BuiltInJson());
        Time("(no rules)", """{ "rules": [] }""");
        Time("(all rules)", DropRules.BuiltInJson());
        foreach (var rule in doc.RootElement.GetProperty("rules").EnumerateArray())
            Time(rule.GetProperty("name").GetString()!, $$"""{ "rules": [{{rule.GetRawText()}}] }""");
        return 0;

        void Time(string name, string json)
        {
            var splitter = new ParagraphSplitter(DropRules.Parse(json, name, null));
            double microseconds = 0;
            for (int pass = 0; pass < 2; pass++)
            {
                var clock = Stopwatch.StartNew();
                foreach (var article in articles) splitter.Split(article);
                microseconds = clock.Elapsed.TotalMicroseconds / articles.Count;
            }
            Console.WriteLine($"{microseconds,7:F2} µs  {name}");
        }
    }
}
