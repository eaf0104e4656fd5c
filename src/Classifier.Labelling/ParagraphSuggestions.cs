namespace Classifier.Labelling;

/// <summary>What the model and the rules suggest for one paragraph, computed once per paragraph (and per model).</summary>
/// <param name="Model">The model's suggestion, or null without a model.</param>
/// <param name="Rules">The rules' suggestion, or null when none fired (or no rules were given).</param>
/// <param name="Accept">Per head, what accepting the suggestion gives: the model's label, else the rules', else null.</param>
public sealed record ParagraphSuggestions(Suggestion? Model, Suggestion? Rules, IReadOnlyList<string?> Accept);
