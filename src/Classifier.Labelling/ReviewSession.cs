using Classifier.Text.Diagnostics;
using Classifier.Text.Labelling;

namespace Classifier.Labelling;

/// <summary>
/// Adjudicating disagreements between annotators: two or more labels files (each annotator's) are read once, the
/// paragraphs whose labels differ on some head are listed, and each adjudicated answer goes to an
/// <see cref="ILabelStore"/> (the adjudicated labels file, append-only under its lock, as the labeller writes it), so
/// a review stopped half-way resumes where the file ends. Agreement is Cohen's kappa for every pair of annotators
/// (with more than two, pairwise rather than Fleiss', so each figure is the one <c>trainer agreement</c> prints for
/// the same two files). Safe to call from several threads: the store serialises writes.
/// </summary>
public sealed class ReviewSession
{
    private readonly ILabelStore _store;
    private readonly Dictionary<string, ReviewItem> _byId;
    private readonly string _annotator;

    /// <param name="annotators">Each annotator's file, read with <see cref="AnnotatorLabels.Read"/>; at least two.</param>
    /// <param name="adjudicated">Where adjudicated answers go; its schema's heads are the heads reviewed.</param>
    /// <param name="texts">Paragraph files to find texts in for ids the annotators' files carry no text for.</param>
    /// <param name="annotator">The adjudicator's name, recorded with every answer.</param>
    public ReviewSession(IReadOnlyList<AnnotatorLabels> annotators, ILabelStore adjudicated, IReadOnlyList<ParagraphRows> texts, string annotator)
    {
        ArgumentNullException.ThrowIfNull(annotators);
        ArgumentNullException.ThrowIfNull(adjudicated);
        ArgumentNullException.ThrowIfNull(texts);
        if (annotators.Count < 2) throw new InputException("a review needs the labels of two annotators or more", annotators.Count == 1 ? annotators[0].Path : null,
            hint: "give --review twice or more, e.g. studio --review data/audit/first.csv --review data/audit/second.csv --adjudicated out/adjudicated.csv");
        _store = adjudicated;
        _annotator = annotator;
        var schema = adjudicated.Schema;
        foreach (var file in annotators)
        {
            var missing = schema.HeadNames.Where(h => !file.Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0)
                throw new InputException($"the labels file has no {string.Join(", ", missing)} column", file.Path, 1,
                    hint: $"its columns are: {string.Join(", ", file.Columns)}; the heads come from {schema.Source}");
        }
        Annotators = Names(annotators);
        Items = Disagreements(annotators, Annotators, schema, texts);
        _byId = Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var pairs = new List<ReviewPair>();
        for (int a = 0; a < annotators.Count; a++)
            for (int b = a + 1; b < annotators.Count; b++)
                pairs.Add(new ReviewPair(a, b, Agreement.Compare(annotators[a], annotators[b], columns: schema.HeadNames)));
        Pairs = pairs;
    }

    public LabellingSchema Schema => _store.Schema;

    /// <summary>The annotators' names: their files' names (without .csv), numbered when two files share a name.</summary>
    public IReadOnlyList<string> Annotators { get; }

    /// <summary>The paragraphs under review, in the order the first file that labelled them has them.</summary>
    public IReadOnlyList<ReviewItem> Items { get; }

    /// <summary>Agreement of every pair of annotators, per head, over the ids both labelled.</summary>
    public IReadOnlyList<ReviewPair> Pairs { get; }

    /// <summary>The adjudicated file, for messages.</summary>
    public string StoreName => _store.Name;

    /// <summary>The paragraph's adjudicated answer, or null when it has none yet.</summary>
    public LabelRecord? Adjudicated(string id) => _store.Find(id);

    /// <summary>How many paragraphs under review have an adjudicated answer.</summary>
    public int AdjudicatedCount => Items.Count(i => _store.Find(i.Id) is not null);

    /// <summary>
    /// The adjudicated answer of a paragraph under review; a head left null takes the value the annotators agreed
    /// on. Refused, with nothing written, for an id not under review, an unknown value, a head with neither, or a
    /// paragraph already adjudicated (change it instead).
    /// </summary>
    public LabelChange Adjudicate(string id, IReadOnlyList<string?> labels, string note) =>
        _store.Append(Record(id, labels, note));

    /// <summary>A new adjudicated answer for a paragraph adjudicated before (a later row, which readers take as the correction).</summary>
    public LabelChange Change(string id, IReadOnlyList<string?> labels, string note) =>
        _store.Change(Record(id, labels, note));

    /// <summary>Rows someone else appended to the adjudicated file, once.</summary>
    public IReadOnlyList<string> TakeNotices() => _store.TakeNotices();

    private LabelRecord Record(string id, IReadOnlyList<string?> labels, string note)
    {
        if (!_byId.TryGetValue(id, out var item))
            throw new AnswerRejectedException(RejectionKind.UnknownParagraph, $"{id} is not a paragraph under review",
                "only paragraphs the annotators disagree on are adjudicated here");
        if (labels.Count != Schema.Heads.Count)
            throw new AnswerRejectedException(RejectionKind.MissingLabel, $"{id}: {labels.Count} label(s) given for {Schema.Heads.Count} head(s)", "give one label per head");
        var filled = labels.Select((l, h) => string.IsNullOrWhiteSpace(l) ? item.Agreed[h] ?? "" : l).ToList();
        return new LabelRecord(id, item.Article, item.Text, filled, _annotator, note, DateTimeOffset.UtcNow);
    }

    private static List<string> Names(IReadOnlyList<AnnotatorLabels> annotators)
    {
        var names = annotators.Select(a => Path.GetFileNameWithoutExtension(a.Path)).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() < names.Count) names = [.. names.Select((n, i) => $"{i + 1}: {n}")];
        return names;
    }

    private static List<ReviewItem> Disagreements(IReadOnlyList<AnnotatorLabels> annotators, IReadOnlyList<string> names, LabellingSchema schema, IReadOnlyList<ParagraphRows> texts)
    {
        var found = new Dictionary<string, (string Article, string Text)>(StringComparer.Ordinal);
        foreach (var rows in texts)
            for (int i = 0; i < rows.Count; i++) found.TryAdd(rows.Ids[i], (rows.Articles[i], rows.Texts[i]));
        var items = new List<ReviewItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in annotators.SelectMany(a => a.Rows.Keys))
        {
            if (!seen.Add(id)) continue;
            var votes = new List<ReviewVote>();
            string article = "", text = "";
            for (int a = 0; a < annotators.Count; a++)
            {
                var file = annotators[a];
                // Labels as the schema spells them, so "Neutral" and "neutral" agree; a value outside it is shown as written.
                var labels = schema.Heads.Select(h => file.Value(id, h.Name) is { Length: > 0 } v ? h.Find(v) ?? v : "").ToList();
                if (labels.All(l => l.Length == 0)) continue;
                votes.Add(new ReviewVote(names[a], labels, file.Value(id, "note")));
                if (text.Length == 0) text = file.Value(id, "text");
                if (article.Length == 0) article = file.Value(id, "article");
            }
            if (votes.Count < 2) continue;
            var distinct = schema.Heads.Select((_, h) => votes.Select(v => v.Labels[h]).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList()).ToList();
            if (distinct.All(d => d.Count <= 1)) continue;
            if (found.TryGetValue(id, out var given))
            {
                if (text.Length == 0) text = given.Text;
                if (article.Length == 0) article = given.Article;
            }
            items.Add(new ReviewItem(id, article, text, votes, [.. distinct.Select(d => d.Count > 1)], [.. distinct.Select(d => d.Count == 1 ? d[0] : null)]));
        }
        return items;
    }
}
