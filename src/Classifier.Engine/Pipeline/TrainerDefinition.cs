using Classifier.Engine.Trainers;

namespace Classifier.Engine.Pipeline;

/// <summary>
/// A trainer as the command line and the manifest know it: its name, its settings (with ranges) and how to build it
/// from validated setting values (absent settings keep the trainer's documented defaults), and the engine that runs it.
/// </summary>
/// <param name="Name">The --trainer name, e.g. "sdca" or "mlnet-sdca".</param>
/// <param name="Description">One line for help.</param>
/// <param name="Settings">The --set settings it accepts.</param>
/// <param name="Create">Builds the trainer from the seed, featurizer options and validated settings.</param>
/// <param name="Engine">Which engine implements it, for leaderboards and help: "classifier" (ours) or "ml.net".</param>
public sealed record TrainerDefinition(
    string Name,
    string Description,
    IReadOnlyList<TrainerSetting> Settings,
    Func<TrainerContext, IReadOnlyDictionary<string, double>, IMulticlassTrainer> Create,
    string Engine = TrainerDefinition.OwnEngine)
{
    public const string OwnEngine = "classifier";
}
