namespace Classifier.Text.Labelling;

/// <summary>
/// One labelling function: when any of its patterns matches the normalised text of a paragraph it votes
/// <paramref name="Label"/> for <paramref name="Head"/>, otherwise it abstains.
/// </summary>
/// <param name="Name">Unique name, used in errors, in the weak-label file and in the rule table.</param>
/// <param name="Head">The label column it votes on: stance or topic.</param>
/// <param name="Label">The label it votes for.</param>
/// <param name="Kind">How its patterns are matched.</param>
/// <param name="Patterns">Keywords, phrases or regular expressions; matched against the normalised (lower-case, folded) text.</param>
/// <param name="Rationale">Why the rule votes this way, in the codebook's terms.</param>
public sealed record LabellingRule(string Name, string Head, string Label, RuleKind Kind, IReadOnlyList<string> Patterns, string Rationale);
