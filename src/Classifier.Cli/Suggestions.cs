using System.CommandLine;

namespace Classifier.Cli;

/// <summary>"Did you mean …?" for a mistyped command or option: the nearest name by edit distance, when it is close.</summary>
public static class Suggestions
{
    /// <summary>The names a token could have meant where <paramref name="command"/> is being parsed: its subcommands and options.</summary>
    public static IEnumerable<string> Names(Command command)
    {
        foreach (var sub in command.Subcommands) yield return sub.Name;
        foreach (var option in command.Options)
        {
            yield return option.Name;
            foreach (var alias in option.Aliases) yield return alias;
        }
    }

    /// <summary>The closest candidate, or null when none is within two edits (and less than half the token).</summary>
    public static string? Nearest(string token, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            int d = Distance(token, c);
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return best is not null && bestDistance <= 2 && bestDistance * 2 < Math.Max(token.Length, best.Length) ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1 (so "trian" is one edit from "train").</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
