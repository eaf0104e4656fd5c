using Classifier.Engine.Trainers;

namespace Classifier.Engine.Pipeline;

/// <summary>
/// A trainer as the command line and the manifest know it: its name, its settings (with ranges) and how to build it
/// from a seed and validated setting values (absent settings keep the trainer's documented defaults).
/// </summary>
public sealed record TrainerDefinition(
    string Name,
    string Description,
    IReadOnlyList<TrainerSetting> Settings,
    Func<int, IReadOnlyDictionary<string, double>, IMulticlassTrainer> Create);
