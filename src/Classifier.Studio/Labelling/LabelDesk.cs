using Classifier.Labelling;

namespace Classifier.Studio.Labelling;

/// <summary>The studio's one labelling session (opened at start from --labels and --in), or none when they were not given.</summary>
public sealed record LabelDesk(LabellingSession? Session)
{
    public static LabelDesk None { get; } = new((LabellingSession?)null);
}
