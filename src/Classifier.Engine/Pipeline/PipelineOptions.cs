using Classifier.Engine.Featurization;

namespace Classifier.Engine.Pipeline;

/// <summary>Everything that decides how text becomes a trained <see cref="TextClassifier"/>.</summary>
public sealed record PipelineOptions
{
    /// <summary>How text becomes features. Default: the featurizer's own measured defaults.</summary>
    public FeaturizerOptions Featurizer { get; init; } = new();

    /// <summary>Trainer name: sdca, lbfgs, svm, nb or fasttree (see <see cref="TrainerFactory"/>). Default: sdca.</summary>
    public string Trainer { get; init; } = "sdca";

    /// <summary>Trainer settings by name (e.g. "l2", "c", "alpha", "trees"); unknown names are an error.</summary>
    public IReadOnlyDictionary<string, string> TrainerSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Per-head overrides of <see cref="Trainer"/> and <see cref="TrainerSettings"/>, by head name (automatic selection
    /// picks the best candidate for each head: stance and topic rarely prefer the same model). Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, TrainerCandidate> HeadTrainers { get; init; } = new Dictionary<string, TrainerCandidate>();

    /// <summary>The trainer and settings that train head <paramref name="head"/>.</summary>
    public TrainerCandidate TrainerFor(string head) =>
        HeadTrainers.TryGetValue(head, out var chosen) ? chosen : new TrainerCandidate(Trainer, TrainerSettings);

    /// <summary>Seed for every random choice; the same seed gives the same model on any thread count. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Default: balanced, since stance classes are usually far from even.</summary>
    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.Balanced;

    /// <summary>
    /// Heads that score a paragraph sentence by sentence (<see cref="SentencePooling"/>), by head name, each with its
    /// background label (for stance: neutral). Not with article context. Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, string> SentencePooling { get; init; } = new Dictionary<string, string>();

    /// <summary>With <see cref="ClassWeighting.Explicit"/>: a weight multiplier per label value (any head); others keep 1.</summary>
    public IReadOnlyDictionary<string, float> ClassWeights { get; init; } = new Dictionary<string, float>();
}
