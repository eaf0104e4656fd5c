namespace Classifier.Engine.Trainers;

/// <summary>Settings of <see cref="SdcaMaximumEntropyTrainer"/>. Null means "chosen from the data" (see the trainer).</summary>
public sealed record SdcaMaximumEntropyOptions
{
    /// <summary>Seeds the order in which examples are visited; the result depends on it only through that order.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>L2 strength λ of (1/Σs)·Σ s_i·CE_i + λ/2·‖W‖²; null = chosen from the data (see the trainer).</summary>
    public float? L2 { get; init; }

    /// <summary>L1 strength on the weights (not the biases), applied as a soft threshold on the dual-derived weights.</summary>
    public float L1 { get; init; }

    /// <summary>Passes over the data; null = automatic (ML.NET's 3·max(1, 500000/n)).</summary>
    public int? MaxIterations { get; init; }

    /// <summary>Stop when the relative duality gap (P−D)/P falls below this (ML.NET: 0.1; measured better: 0.01).</summary>
    public double ConvergenceTolerance { get; init; } = 0.01;

    /// <summary>
    /// Value of the constant feature that carries the biases. The bias is penalised as λ/(2·BiasScale²)·b²,
    /// so a larger value regularises it less (ML.NET: 1).
    /// </summary>
    public float BiasScale { get; init; } = 1f;
}
