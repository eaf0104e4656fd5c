using System.Text;
using Classifier.Text.Diagnostics;

namespace Classifier.Studio.Reports;

/// <summary>
/// The accuracy reports under --reports, found once at start: every report.html that `trainer evaluate` or
/// `trainer train --report` wrote (the folder itself or folders below it). Requests name a report by
/// <see cref="ReportEntry.Name"/> and get it only from this index, so no request path is ever joined to a folder:
/// "..", encoded slashes and absolute paths are unknown names like any other.
/// </summary>
public sealed class ReportIndex
{
    public const string ReportFile = "report.html";
    private const int MaxDepth = 4;

    private readonly Dictionary<string, ReportEntry> _byName;

    private ReportIndex(string? directory, IReadOnlyList<ReportEntry> entries)
    {
        Directory = directory;
        Entries = entries;
        _byName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    public static ReportIndex Empty { get; } = new(null, []);

    /// <summary>The --reports folder, or null when none was given.</summary>
    public string? Directory { get; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<ReportEntry> Entries { get; }

    public ReportEntry? Find(string name) => _byName.GetValueOrDefault(name);

    public static ReportIndex Scan(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var root = Path.GetFullPath(directory);
        if (File.Exists(root)) throw new InputException("is a file, not a directory", directory, hint: "give the folder that trainer evaluate --report (or trainer train --report) wrote, or one above several");
        if (!System.IO.Directory.Exists(root)) throw new InputException("no such directory", directory, hint: "make a report first: trainer evaluate --model M --data D --report DIR");
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = MaxDepth, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseSensitive };
        var files = System.IO.Directory.EnumerateFiles(root, ReportFile, options).Order(StringComparer.Ordinal).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<ReportEntry>();
        foreach (var file in files)
        {
            var folder = Path.GetRelativePath(root, Path.GetDirectoryName(file)!);
            var title = folder == "." ? Path.GetFileName(root) : folder.Replace(Path.DirectorySeparatorChar, '/');
            var name = Unique(Slug(title), used);
            entries.Add(new ReportEntry(name, title, File.GetLastWriteTimeUtc(file), file));
        }
        entries.Sort((a, b) => b.Modified != a.Modified ? b.Modified.CompareTo(a.Modified) : string.CompareOrdinal(a.Name, b.Name));
        return new ReportIndex(root, entries);
    }

    /// <summary>Lower-case letters and digits with single dashes between runs: safe in a URL and never a path.</summary>
    public static string Slug(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var sb = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "report" : slug;
    }

    private static string Unique(string slug, HashSet<string> used)
    {
        var name = slug;
        for (int n = 2; !used.Add(name); n++) name = $"{slug}-{n}";
        return name;
    }
}
