using System.Text.Json;
using Classifier.Text.Diagnostics;
using Classifier.Text.IO;
using Classifier.Text.Labels;

namespace Classifier.Text.Labelling;

/// <summary>
/// What the labeller labels: the label columns (heads) of a labels file, each with its values and their keys. The
/// default is the codebook's stance and topic; a <c>--schema</c> JSON file gives any other set. Keys are checked
/// against the session's own keys (passed in by the labeller) so that no answer key is shadowed by a command.
/// </summary>
/// <param name="Heads">The heads, in the order they are shown and written.</param>
/// <param name="Source">Where the schema came from, for messages.</param>
public sealed record LabellingSchema(IReadOnlyList<SchemaHead> Heads, string Source)
{
    private const string AutoKeys = "1234567890abcdefghijklmnopqrstuvwxyz";

    /// <summary>Columns the labeller fills itself; a head cannot take these names.</summary>
    public static IReadOnlyList<string> WrittenColumns { get; } = ["id", "article", "text", "annotator", "note", "labelled_at"];

    public static LabellingSchema Codebook { get; } = new(
        [new SchemaHead(LabelSchema.StanceColumn, LabelSchema.Stances, "skn"), new SchemaHead(LabelSchema.TopicColumn, LabelSchema.Topics, "1234567")],
        "the codebook (stance, topic); for other heads give --schema FILE");

    public IReadOnlyList<string> HeadNames => [.. Heads.Select(h => h.Name)];

    /// <summary>Reads and validates a schema file; <paramref name="reserved"/> maps each session key to what it does.</summary>
    public static LabellingSchema Load(string path, IReadOnlyDictionary<char, string> reserved)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read the schema file: {ex.Message}", path, hint: "check the --schema path");
        }
        return Parse(json, path, reserved);
    }

    /// <summary>Validates the schema in <paramref name="json"/>; <paramref name="file"/> names it in errors.</summary>
    public static LabellingSchema Parse(string json, string file, IReadOnlyDictionary<char, string> reserved)
    {
        using (var document = LenientJson.Parse(json, file, "the schema file"))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("heads", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
                throw new InputException("the schema file must hold a non-empty \"heads\" array", file, hint: Example);
            var heads = new List<(string Name, string[] Values, string? Keys)>();
            int index = 0;
            foreach (var element in array.EnumerateArray()) heads.Add(ReadHead(element, ++index, file, heads.Select(h => h.Name)));
            CheckKeys(heads, file, reserved);
            return new LabellingSchema(AssignKeys(heads, reserved, file), file);
        }
    }

    private const string Example = "e.g. {\"heads\": [{\"name\": \"sentiment\", \"values\": [\"positive\", \"negative\"], \"keys\": [\"p\", \"n\"]}]}";

    private static (string Name, string[] Values, string? Keys) ReadHead(JsonElement e, int index, string file, IEnumerable<string> earlier)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new InputException($"head #{index} is not a JSON object", file, hint: Example);
        var name = e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : "";
        if (name.Length == 0) throw new InputException($"head #{index} has no \"name\"", file, hint: "name it after its column in the labels file");
        if (WrittenColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
            throw new InputException($"head #{index}: '{name}' is a column the labeller writes itself", file, hint: $"rename the head; {string.Join(", ", WrittenColumns)} are taken");
        if (earlier.Contains(name, StringComparer.OrdinalIgnoreCase)) throw new InputException($"head '{name}' is defined twice", file);
        var values = Strings(e, "values", name, file) ?? throw new InputException($"head '{name}' has no \"values\" array", file, hint: Example);
        if (values.Length == 0) throw new InputException($"head '{name}' has no values", file);
        if (values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InputException($"head '{name}' lists the value '{twice.Key}' twice", file);
        var keys = Strings(e, "keys", name, file);
        if (keys is null) return (name, values, null);
        if (keys.Length != values.Length)
            throw new InputException($"head '{name}' has {values.Length} values but {keys.Length} keys", file, hint: "give one key per value, or leave \"keys\" out to have them chosen");
        if (keys.FirstOrDefault(k => k.Length != 1 || char.IsWhiteSpace(k[0]) || char.IsControl(k[0])) is { } bad)
            throw new InputException($"head '{name}' has the key '{bad}'", file, hint: "a key is one visible character");
        return (name, values, string.Concat(keys).ToLowerInvariant());
    }

    /// <summary>The non-empty strings of an optional array property; null when it is absent.</summary>
    private static string[]? Strings(JsonElement e, string property, string head, string file)
    {
        if (!e.TryGetProperty(property, out var array)) return null;
        if (array.ValueKind != JsonValueKind.Array) throw new InputException($"head '{head}': \"{property}\" is not an array", file, hint: Example);
        var result = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString()!.Trim().Length == 0)
                throw new InputException($"head '{head}' has an empty or non-text entry in \"{property}\"", file);
            result.Add(item.GetString()!.Trim());
        }
        return [.. result];
    }

    /// <summary>Every collision of the given keys, with the session's keys or with each other, in one message.</summary>
    private static void CheckKeys(List<(string Name, string[] Values, string? Keys)> heads, string file, IReadOnlyDictionary<char, string> reserved)
    {
        var given = heads.Where(h => h.Keys is not null).SelectMany(h => h.Keys!.Select((k, i) => (Key: k, Value: h.Values[i]))).ToList();
        var problems = new List<string>();
        foreach (var (key, value) in given)
            if (reserved.TryGetValue(key, out var action)) problems.Add($"'{key}' ({value}) is the {action} key");
        foreach (var group in given.GroupBy(g => g.Key).Where(g => g.Count() > 1))
            problems.Add($"'{group.Key}' is used {(group.Count() == 2 ? "twice" : $"{group.Count()} times")} ({string.Join(", ", group.Select(g => g.Value))})");
        if (problems.Count > 0)
            throw new InputException($"the schema's keys collide: {string.Join("; ", problems)}", file,
                hint: $"give each value a key of its own; the session keys are Enter, {string.Join(" ", reserved.Keys)}");
    }

    /// <summary>Keys for the heads that give none: each value's first free letter or digit, else the first free of 1-9, 0, a-z.</summary>
    private static List<SchemaHead> AssignKeys(List<(string Name, string[] Values, string? Keys)> heads, IReadOnlyDictionary<char, string> reserved, string file)
    {
        var taken = new HashSet<char>(reserved.Keys);
        foreach (var h in heads) if (h.Keys is not null) taken.UnionWith(h.Keys);
        var result = new List<SchemaHead>();
        foreach (var (name, values, keys) in heads)
        {
            if (keys is not null) { result.Add(new SchemaHead(name, values, keys)); continue; }
            var chosen = values.Select(v => Free(v.ToLowerInvariant().Where(char.IsLetterOrDigit), taken) ?? Free(AutoKeys, taken)
                ?? throw new InputException($"no key is left for '{v}' of head '{name}'", file, hint: "give the keys in the schema")).ToArray();
            result.Add(new SchemaHead(name, values, new string(chosen)));
        }
        return result;
    }

    private static char? Free(IEnumerable<char> candidates, HashSet<char> taken)
    {
        foreach (var c in candidates)
            if (taken.Add(c)) return c;
        return null;
    }
}
