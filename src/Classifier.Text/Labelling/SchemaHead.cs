using Classifier.Text.Diagnostics;
using Classifier.Text.Labels;

namespace Classifier.Text.Labelling;

/// <summary>One label column of a labelling schema: its allowed values and the key that picks each.</summary>
/// <param name="Name">The column of the labels file (and the model head that suggests it).</param>
/// <param name="Values">Allowed values, in the order the labeller shows them.</param>
/// <param name="Keys">One lower-case key per value, in the same order.</param>
public sealed record SchemaHead(string Name, IReadOnlyList<string> Values, string Keys)
{
    /// <summary>The schema's spelling of <paramref name="value"/> (matched ignoring case and surrounding space), or null.</summary>
    public string? Find(string value)
    {
        var trimmed = value.Trim();
        foreach (var v in Values) if (string.Equals(v, trimmed, StringComparison.OrdinalIgnoreCase)) return v;
        return null;
    }

    /// <summary>The schema's spelling of the value; else an error naming the row, with the closest value as a hint.</summary>
    public string Validate(string value, string path, long line, int column)
    {
        if (Find(value) is { } found) return found;
        var suggestion = LabelSchema.Suggest(value, [.. Values.Select(v => v.ToLowerInvariant())]);
        var spelled = suggestion is null ? null : Values.First(v => string.Equals(v, suggestion, StringComparison.OrdinalIgnoreCase));
        throw new InputException($"row {line}: unknown {Name} label '{value}'", path, line, column,
            hint: spelled is null ? $"the {Name} labels are: {string.Join(", ", Values)}" : $"did you mean '{spelled}'?");
    }
}
