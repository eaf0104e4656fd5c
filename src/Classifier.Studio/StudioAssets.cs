using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Classifier.Studio;

/// <summary>
/// The pages, stylesheet and script compiled into the program (embedded resources named studio/FILE), read once.
/// A request names an asset only by a key of this table, never by a path.
/// </summary>
public sealed partial class StudioAssets
{
    private const string Prefix = "studio/";
    private readonly Dictionary<string, StudioAsset> _byName;

    private StudioAssets(Dictionary<string, StudioAsset> byName) => _byName = byName;

    public static StudioAssets Load()
    {
        var assembly = typeof(StudioAssets).Assembly;
        var byName = new Dictionary<string, StudioAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource[Prefix.Length..];
            byName[name] = new StudioAsset(name, buffer.ToArray(), ContentType(name));
        }
        // Every page shares one head and navigation: a page file starts with its front line and holds only its <main>.
        if (byName.Remove(Top, out var top))
            foreach (var page in byName.Values.Where(a => a.Name.EndsWith(".html", StringComparison.Ordinal)).ToList())
                byName[page.Name] = page with { Bytes = Compose(Encoding.UTF8.GetString(top.Bytes), Encoding.UTF8.GetString(page.Bytes), page.Name) };
        return new StudioAssets(byName);
    }

    private const string Top = "_top.html";

    /// <summary>_top.html with the page's title and name filled in, then the page's own markup after its front line.</summary>
    private static byte[] Compose(string top, string page, string name)
    {
        var front = FrontLine().Match(page);
        if (!front.Success) throw new InvalidOperationException($"the page {name} does not start with its <!-- studio page: title=\"…\" page=\"…\" --> line");
        var head = top.Replace("{title}", front.Groups["title"].Value, StringComparison.Ordinal).Replace("{page}", front.Groups["page"].Value, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(head + page[(front.Length + 1)..]);
    }

    [GeneratedRegex("^<!-- studio page: title=\"(?<title>[^\"]+)\" page=\"(?<page>[a-z-]+)\"[^\\n]*-->")]
    private static partial Regex FrontLine();

    public StudioAsset? Find(string name) => _byName.GetValueOrDefault(name);

    public StudioAsset Get(string name) => Find(name) ?? throw new InvalidOperationException($"the asset {name} is not embedded in {typeof(StudioAssets).Assembly.GetName().Name}");

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
