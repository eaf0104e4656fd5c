using Classifier.Labelling;

namespace Classifier.Studio.Labelling;

/// <summary>The studio's one review (opened at start from --review and --adjudicated), or none when they were not given.</summary>
public sealed record ReviewDesk(ReviewSession? Session)
{
    public static ReviewDesk None { get; } = new((ReviewSession?)null);
}
