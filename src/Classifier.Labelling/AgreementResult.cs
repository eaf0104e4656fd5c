using Classifier.Engine.Metrics;

namespace Classifier.Labelling;

/// <summary>Agreement of two annotators on one label column, over the ids both labelled.</summary>
/// <param name="Column">The label column.</param>
/// <param name="Labels">The classes (rows and columns of <paramref name="Confusion"/>).</param>
/// <param name="Confusion">Rows: annotator A's label; columns: annotator B's.</param>
/// <param name="Count">Ids both labelled.</param>
/// <param name="PercentAgreement">Fraction of those with the same label.</param>
/// <param name="Kappa">Cohen's kappa.</param>
public sealed record AgreementResult(string Column, IReadOnlyList<string> Labels, ConfusionMatrix Confusion, int Count, double PercentAgreement, double Kappa);
