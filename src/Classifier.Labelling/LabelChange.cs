using Classifier.Text.Labelling;

namespace Classifier.Labelling;

/// <summary>One row a label store wrote: the id's answer before and after it.</summary>
/// <param name="Id">Paragraph id.</param>
/// <param name="Before">The id's answer before the row, or null when it had none (or it was withdrawn).</param>
/// <param name="After">The id's answer after the row, or null when the row withdrew it.</param>
/// <param name="Row">The row's data row number in the store (1 for the first row under the header).</param>
public sealed record LabelChange(string Id, LabelRecord? Before, LabelRecord? After, int Row);
