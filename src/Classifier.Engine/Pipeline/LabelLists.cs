namespace Classifier.Engine.Pipeline;

/// <summary>Label lists are short (a handful of classes): a linear scan beats a dictionary and keeps order meaningful.</summary>
public static class LabelLists
{
    /// <summary>The class index of <paramref name="label"/>, or −1 when the list does not have it.</summary>
    public static int IndexOfLabel(this IReadOnlyList<string> labels, string label)
    {
        for (int i = 0; i < labels.Count; i++) if (labels[i] == label) return i;
        return -1;
    }
}
