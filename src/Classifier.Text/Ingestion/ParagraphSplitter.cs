namespace Classifier.Text.Ingestion;

/// <summary>Placeholder: keeps every non-blank line until the real splitter lands.</summary>
public sealed class ParagraphSplitter(DropRules rules)
{
    public DropRules Rules { get; } = rules;

    public SplitResult Split(Article article)
    {
        var kept = new List<Paragraph>();
        var lines = article.Text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
            if (!string.IsNullOrWhiteSpace(lines[i]))
                kept.Add(new Paragraph($"{article.Id}:{kept.Count + 1}", article.Id, kept.Count + 1, lines[i].Trim(), i + 1));
        return new SplitResult(kept, []);
    }
}
