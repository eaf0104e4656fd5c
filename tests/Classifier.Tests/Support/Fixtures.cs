using System.Text;

namespace Classifier.Tests.Support;

/// <summary>Small generated datasets with a learnable signal, for end-to-end tests.</summary>
public static class Fixtures
{
    private static readonly string[] Filler = ["the", "officials", "said", "on", "monday", "that", "talks", "in", "region", "would", "continue", "after", "meeting", "with", "reporters"];

    private static readonly Dictionary<string, string[]> Cues = new()
    {
        ["pro-serbia"] = ["sovereignty", "separatist", "aggression", "belgrade", "protect"],
        ["pro-kosovo"] = ["statehood", "independence", "pristina", "destabilising", "recognition"],
        ["neutral"] = ["both", "sides", "restraint", "dialogue", "calm"],
    };

    private static readonly Dictionary<string, string[]> TopicCues = new()
    {
        ["security"] = ["police", "troops", "gunmen"],
        ["diplomacy"] = ["ambassador", "embassy", "minister"],
    };

    /// <summary>A labelled CSV (id, article, text, stance, topic) with <paramref name="articles"/> articles of 6 paragraphs.</summary>
    public static string StanceCsv(int articles = 12, int seed = 3)
    {
        var rng = new Random(seed);
        var stances = Cues.Keys.ToArray();
        var topics = TopicCues.Keys.ToArray();
        var csv = new StringBuilder("id,article,text,stance,topic\n");
        for (int a = 0; a < articles; a++)
        {
            for (int p = 1; p <= 6; p++)
            {
                var stance = stances[(a + p) % 3];
                var topic = topics[(a * 7 + p) % 2];
                var words = new List<string>();
                for (int w = 0; w < 14; w++) words.Add(Filler[rng.Next(Filler.Length)]);
                for (int c = 0; c < 3; c++) words.Insert(rng.Next(words.Count), Cues[stance][rng.Next(Cues[stance].Length)]);
                for (int c = 0; c < 2; c++) words.Insert(rng.Next(words.Count), TopicCues[topic][rng.Next(TopicCues[topic].Length)]);
                csv.Append($"a{a}:{p},a{a},\"{string.Join(' ', words)}.\",{stance},{topic}\n");
            }
        }
        return csv.ToString();
    }

    /// <summary>An article in plain text: a headline and paragraphs separated by blank lines.</summary>
    // Distinct paragraphs: ingestion drops a line that repeats the one before it.
    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    public static string Article(string stance, int paragraphs = 3)
    {
        var sb = new StringBuilder("Officials meet over the regional dispute\n\n");
        for (int p = 0; p < paragraphs; p++)
            sb.Append($"The officials said on {Days[p % Days.Length]} that {string.Join(' ', Cues[stance])} remained the police question after meeting with reporters.\n\n");
        return sb.ToString();
    }
}
