using Classifier.Labelling;
using Classifier.Text.Diagnostics;
using Classifier.Text.Labelling;

namespace Classifier.Studio.Labelling;

/// <summary>Opens the studio's review from --review, --adjudicated, --texts (and --in, --schema): annotators' files read as <c>trainer agreement</c> reads them, answers stored as <c>trainer label</c> stores them.</summary>
public static class ReviewSessionFactory
{
    /// <summary>The review and its store (the caller disposes the store, which releases the adjudicated file's lock), or none without --review.</summary>
    public static (ReviewDesk Desk, CsvLabelStore? Store) Open(ReviewFiles files, string? schemaPath, string annotator, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(error);
        if (files.Annotators.Count == 0 && files.Adjudicated is null) return (ReviewDesk.None, null);
        const string example = "for example: studio --review data/audit/first.csv --review data/audit/second.csv --adjudicated out/adjudicated.csv --texts data/paragraphs.csv";
        if (files.Annotators.Count < 2)
            throw new InputException("the Review page needs the labels of two annotators or more (--review, repeated)", files.Annotators.FirstOrDefault() ?? files.Adjudicated, hint: example);
        if (files.Adjudicated is null)
            throw new InputException("the Review page needs --adjudicated, the file the adjudicated answers are appended to", files.Annotators[0], hint: example);
        var target = Path.GetFullPath(LabelsLock.RealPath(files.Adjudicated));
        if (files.Annotators.Any(a => string.Equals(Path.GetFullPath(LabelsLock.RealPath(a)), target, StringComparison.Ordinal)))
            throw new InputException("--adjudicated is one of the annotators' files; give a file of its own", files.Adjudicated, hint: example);
        var annotators = files.Annotators.Select(a => AnnotatorLabels.Read(a)).ToList();
        var texts = files.Texts.Select(t => ParagraphRows.Read(t)).ToList();
        var schema = schemaPath is null ? LabellingSchema.Codebook : LabellingSchema.Load(schemaPath, LabellingKeys.Session);
        var store = CsvLabelStore.Open(files.Adjudicated, schema);
        try
        {
            if (store.Lock?.Note is { } took) error.WriteLine(took);
            return (new ReviewDesk(new ReviewSession(annotators, store, texts, annotator)), store);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
