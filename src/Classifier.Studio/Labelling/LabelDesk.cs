using Classifier.Labelling;

namespace Classifier.Studio.Labelling;

/// <summary>The studio's one labelling session (opened at start from --labels and --in), or none when they were not given, and its retraining.</summary>
public sealed record LabelDesk(LabellingSession? Session, LabelRetraining? Retraining = null)
{
    public static LabelDesk None { get; } = new((LabellingSession?)null);
}
