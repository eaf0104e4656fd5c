namespace Classifier.Studio;

/// <summary>The files of the Review page: each annotator's labels (--review, twice or more), the adjudicated file answers go to (--adjudicated) and paragraph files to find texts in (--texts).</summary>
public sealed record ReviewFiles(IReadOnlyList<string> Annotators, string? Adjudicated, IReadOnlyList<string> Texts)
{
    public static ReviewFiles None { get; } = new([], null, []);
}
