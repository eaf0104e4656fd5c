namespace Classifier.MlNet;

/// <summary>
/// The input of every ML.NET model this project trains or exports: one text column named <c>Text</c>. Plain ML.NET
/// code scores an exported model with this shape (see the README).
/// </summary>
public sealed class MlNetInput
{
    public string Text { get; set; } = "";
}
