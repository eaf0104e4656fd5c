using System.Reflection;

namespace Classifier.Studio;

/// <summary>
/// The pages, stylesheet and script compiled into the program (embedded resources named studio/FILE), read once.
/// A request names an asset only by a key of this table, never by a path.
/// </summary>
public sealed class StudioAssets
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
        return new StudioAssets(byName);
    }

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
