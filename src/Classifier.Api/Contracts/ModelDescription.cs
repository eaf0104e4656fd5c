using Classifier.Engine.Pipeline;

namespace Classifier.Api.Contracts;

/// <summary>The body of <c>GET /v1/model</c>.</summary>
public sealed record ModelDescription(IReadOnlyList<HeadDescription> Heads, TrainingDescription Training)
{
    public static ModelDescription Of(TextClassifier model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var heads = model.Heads.Select(h => new HeadDescription(h.Name, h.Labels, h.Trainer, h.Hyperparameters) { SentencePooling = h.SentencePooling }).ToList();
        var i = model.Info;
        return new ModelDescription(heads, new TrainingDescription(i.CreatedUtc, i.ToolVersion, i.TrainingDataSha256, i.TrainingRows, i.LabelCounts, i.Metrics, i.Selection));
    }
}
