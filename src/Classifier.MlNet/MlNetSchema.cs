using Microsoft.ML;
using Microsoft.ML.Data;

namespace Classifier.MlNet;

/// <summary>
/// What we need of an ML.NET model's schema to score it as a head: one text input column (besides an optional text
/// Label column), a Score vector with one slot per class, and the class names from the Score column's slot names
/// (or the predicted label's key values). Anything else is refused with a description of the schema found.
/// </summary>
public sealed record MlNetSchema(string TextColumn, string? LabelColumn, string? PredictedLabelColumn, IReadOnlyList<string> ClassNames)
{
    public int ClassCount => ClassNames.Count;

    public static MlNetSchema Inspect(ITransformer transformer, DataViewSchema input)
    {
        var texts = input.Where(c => !c.IsHidden && c.Type is TextDataViewType).Select(c => c.Name).ToList();
        string? label = texts.FirstOrDefault(n => n.Equals("Label", StringComparison.OrdinalIgnoreCase));
        var candidates = texts.Where(n => n != label).ToList();
        if (candidates.Count != 1)
            throw new InvalidDataException($"the ML.NET model needs exactly one text input column besides a Label column; its inputs are {Describe(input)}");
        DataViewSchema output;
        try
        {
            output = transformer.GetOutputSchema(input);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException($"the ML.NET model's pipeline does not fit its own input schema ({ex.Message})", ex);
        }
        if (output.GetColumnOrNull("Score") is not { Type: VectorDataViewType { Size: > 1, ItemType: NumberDataViewType } } score)
            throw new InvalidDataException($"the ML.NET model has no 'Score' vector with one slot per class (a multiclass classifier's output); its outputs are {Describe(output)}");
        var names = SlotNames(score) ?? KeyValues(output.GetColumnOrNull("PredictedLabel"))
            ?? throw new InvalidDataException($"the ML.NET model's Score column names no classes (no slot names, no key values on PredictedLabel); its outputs are {Describe(output)}");
        if (names.Count != ((VectorDataViewType)score.Type).Size || names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            throw new InvalidDataException($"the ML.NET model's class names ({string.Join(", ", names)}) do not match its {((VectorDataViewType)score.Type).Size} scores one to one");
        string? predicted = output.GetColumnOrNull("PredictedLabel") is { Type: TextDataViewType } ? "PredictedLabel" : null;
        return new MlNetSchema(candidates[0], label, predicted, names);
    }

    private static List<string>? SlotNames(DataViewSchema.Column column)
    {
        if (column.Annotations.Schema.GetColumnOrNull("SlotNames") is null) return null;
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetSlotNames(ref names);
        var list = names.DenseValues().Select(n => n.ToString()).ToList();
        return list.All(n => n.Length > 0) ? list : null;
    }

    private static List<string>? KeyValues(DataViewSchema.Column? column)
    {
        if (column is not { } c || c.Annotations.Schema.GetColumnOrNull("KeyValues") is not { Type: VectorDataViewType { ItemType: TextDataViewType } }) return null;
        var values = default(VBuffer<ReadOnlyMemory<char>>);
        c.GetKeyValues(ref values);
        return [.. values.DenseValues().Select(v => v.ToString())];
    }

    /// <summary>"Text (String), Label (String)": the visible columns with their types, for refusals.</summary>
    public static string Describe(DataViewSchema schema) =>
        string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => $"{c.Name} ({c.Type})"));
}
