namespace Classifier.MlNet;

/// <summary>One label value, for the key data that fixes the label's key order to ours.</summary>
internal sealed class MlNetLabelRow
{
    public string Label { get; set; } = "";
}
