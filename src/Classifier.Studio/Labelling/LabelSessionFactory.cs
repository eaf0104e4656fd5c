using Classifier.Engine.Pipeline;
using Classifier.Labelling;
using Classifier.Text.Diagnostics;
using Classifier.Text.Labelling;

namespace Classifier.Studio.Labelling;

/// <summary>Opens the studio's labelling session from --labels and --in as <c>trainer label</c> does (same schema, store, lock and rules code).</summary>
public static class LabelSessionFactory
{
    /// <summary>The session and its store (the caller disposes the store, which releases the labels file's lock), or none without both files.</summary>
    /// <param name="modelPath">The --model file (for messages, and so --save-model cannot name it).</param>
    public static (LabelDesk Desk, CsvLabelStore? Store) Open(LabellingFiles files, TextClassifier? model, string annotator, TextWriter error, string? modelPath = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(error);
        if (files.Labels is null && files.Input is null) return (LabelDesk.None, null);
        if (files.Labels is null || files.Input is null)
            throw new InputException("the Label page needs both --labels and --in", files.Labels ?? files.Input,
                hint: "for example: studio --labels data/labels.csv --in data/paragraphs.csv");
        if (files.SaveModel is not null && modelPath is not null
            && string.Equals(Path.GetFullPath(LabelsLock.RealPath(files.SaveModel)), Path.GetFullPath(LabelsLock.RealPath(modelPath)), StringComparison.Ordinal))
            throw new InputException("--save-model is the --model file; retrained models never overwrite the model the studio started with", files.SaveModel,
                hint: "give another file, e.g. --save-model " + Path.ChangeExtension(files.Labels, ".model.zip"));
        var paragraphs = ParagraphRows.Read(files.Input);
        if (paragraphs.Count == 0) throw new InputException("the input has no paragraphs with text", files.Input);
        var schema = files.Schema is null ? LabellingSchema.Codebook : LabellingSchema.Load(files.Schema, LabellingKeys.Session);
        var ruleSet = files.Rules is null ? null : RuleSet.Load(files.Rules);
        var store = CsvLabelStore.Open(files.Labels, schema);
        try
        {
            if (store.Lock?.Note is { } took) error.WriteLine(took);
            var suggestions = ruleSet is null ? null : RuleSuggestions.For(ruleSet, paragraphs, schema);
            var order = model is not null || ruleSet is not null ? SessionOrder.Uncertain : SessionOrder.Sequential;
            Retrainer? retrainer = null;
            string? off = model is null ? "retraining is off: the studio has no model" : files.RetrainEvery <= 0 ? "retraining is off (--retrain-every 0)" : null;
            if (off is null)
                retrainer = Retrainer.Prepare(model!, modelPath ?? "the model", schema, [.. files.TrainData ?? []], [.. files.TrainOnly ?? []], out off);
            var session = new LabellingSession(new LabellingSessionOptions(paragraphs, store, suggestions, model is null ? null : new ClassifierModel(model), order, annotator,
                RetrainEvery: files.RetrainEvery, Retrainer: retrainer));
            return (new LabelDesk(session, new LabelRetraining(session, off, files.SaveModel)), store);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
