namespace Classifier.Labelling;

/// <summary>A paragraph two or more annotators labelled differently on at least one head.</summary>
/// <param name="Id">The paragraph id.</param>
/// <param name="Article">Its article, "" when unknown.</param>
/// <param name="Text">Its text, "" when neither the annotators' files nor the texts given hold it.</param>
/// <param name="Votes">The answers of the annotators who labelled it, in the order their files were given.</param>
/// <param name="Disagrees">Per head: whether the annotators' values differ.</param>
/// <param name="Agreed">Per head: the one value every annotator who gave one gave, else null.</param>
public sealed record ReviewItem(string Id, string Article, string Text, IReadOnlyList<ReviewVote> Votes, IReadOnlyList<bool> Disagrees, IReadOnlyList<string?> Agreed);
