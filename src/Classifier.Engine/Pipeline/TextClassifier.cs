using Classifier.Engine.Data;
using Classifier.Engine.Featurization;
using Classifier.Engine.Metrics;
using Classifier.Engine.Models;
using Classifier.Text.Framing;

namespace Classifier.Engine.Pipeline;

/// <summary>
/// A trained model as users see it: text in, one prediction per head (label column) out. Immutable after
/// construction, so one instance can serve predictions from many threads at once (unlike ML.NET's PredictionEngine).
/// Load one with <c>ModelFile.Load</c>.
/// </summary>
public sealed class TextClassifier
{
    public TextClassifier(FittedFeaturizer featurizer, IReadOnlyList<ClassifierHead> heads, ModelInfo info)
    {
        if (heads.Count == 0) throw new ArgumentException("a model needs at least one head", nameof(heads));
        foreach (var head in heads)
        {
            if (head.SentencePooling is not { } background) continue;
            if (head.IndexOf(background) < 0)
                throw new ArgumentException($"head '{head.Name}' pools sentences with background label '{background}', which is not one of its labels", nameof(heads));
            if (featurizer.Options.ContextWeight > 0)
                throw new ArgumentException($"head '{head.Name}' pools sentences, which does not combine with article context (the featurizer's context weight is {featurizer.Options.ContextWeight})", nameof(heads));
        }
        Featurizer = featurizer;
        Heads = heads;
        Info = info;
    }

    public FittedFeaturizer Featurizer { get; }
    public IReadOnlyList<ClassifierHead> Heads { get; }

    /// <summary>What the model was trained on and how well it did (from the manifest).</summary>
    public ModelInfo Info { get; }

    /// <summary>The same model with cross-validated metrics recorded in its info (stored in the manifest on save).</summary>
    public TextClassifier WithMetrics(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> metrics) =>
        new(Featurizer, Heads, Info with { Metrics = metrics });

    public ClassifierHead? Head(string name)
    {
        foreach (var h in Heads) if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)) return h;
        return null;
    }

    /// <summary>Predicts every head for one text. Thread-safe.</summary>
    public HeadPrediction[] Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Predict(text, NeedsFeatures ? Featurizer.Transform(text) : null);
    }

    /// <summary>
    /// Predicts every head for already featurized text. Thread-safe. Not for a model with a head that reads text
    /// itself (an ML.NET pipeline) or pools sentences: call <see cref="Predict(string)"/> for those.
    /// </summary>
    public HeadPrediction[] Predict(SparseVector features)
    {
        ArgumentNullException.ThrowIfNull(features);
        foreach (var head in Heads)
        {
            if (head.Model is ITextModel)
                throw new InvalidOperationException($"head '{head.Name}' scores text with its own featurization; call Predict(string) instead of Predict(SparseVector)");
            if (head.SentencePooling is not null)
                throw new InvalidOperationException($"head '{head.Name}' scores each sentence of the text (sentence pooling); call Predict(string) instead of Predict(SparseVector)");
        }
        return Predict(null, features);
    }

    /// <summary>Whether some head scores each sentence (<see cref="ClassifierHead.SentencePooling"/>).</summary>
    internal bool PoolsSentences
    {
        get
        {
            foreach (var head in Heads) if (head.SentencePooling is not null) return true;
            return false;
        }
    }

    /// <summary>Whether any head scores our featurizer's vector (an all-ML.NET model does not need it).</summary>
    private bool NeedsFeatures
    {
        get
        {
            foreach (var head in Heads) if (head.Model is not ITextModel) return true;
            return false;
        }
    }

    private HeadPrediction[] Predict(string? text, SparseVector? features)
    {
        Sentences? sentences = null;
        return Predict(text, features, ref sentences);
    }

    /// <summary>
    /// <see cref="Predict(string?, SparseVector?)"/> that keeps the paragraph's sentences, their vectors and each pooled
    /// head's sentence scores in <paramref name="sentences"/>, so an explanation that follows need not compute them again.
    /// </summary>
    private HeadPrediction[] Predict(string? text, SparseVector? features, ref Sentences? sentences)
    {
        var result = new HeadPrediction[Heads.Count];
        for (int h = 0; h < Heads.Count; h++)
        {
            var head = Heads[h];
            var p = new float[head.Labels.Count];
            if (head.SentencePooling is { } background && text is not null
                && (sentences ??= new Sentences(SentenceSplitter.Split(text), Heads.Count)).Texts.Count > 1)
                SentencePooling.Pool(SentenceScores(h, sentences), head.IndexOf(background), p);
            else Score(head, text, features, p);
            int best = MulticlassMetrics.ArgMax(p);
            result[h] = new HeadPrediction(head.Name, head.Labels[best], p[best], p);
        }
        return result;
    }

    private static void Score(ClassifierHead head, string? text, SparseVector? features, Span<float> p)
    {
        if (head.Model is ITextModel textModel) textModel.PredictProbabilities(text!, p);
        else head.Model.PredictProbabilities(features!.AsRow(), p);
    }

    /// <summary>Head <paramref name="headIndex"/>'s probabilities for each sentence, computed once per paragraph.</summary>
    private float[][] SentenceScores(int headIndex, Sentences sentences)
    {
        if (sentences.Scores[headIndex] is { } known) return known;
        var head = Heads[headIndex];
        if (NeedsFeatures && sentences.Features is null)
        {
            sentences.Features = new SparseVector[sentences.Texts.Count];
            for (int s = 0; s < sentences.Features.Length; s++) sentences.Features[s] = Featurizer.Transform(sentences.Texts[s]);
        }
        var scores = new float[sentences.Texts.Count][];
        for (int s = 0; s < scores.Length; s++)
        {
            scores[s] = new float[head.Labels.Count];
            Score(head, sentences.Texts[s], sentences.Features?[s], scores[s]);
        }
        return sentences.Scores[headIndex] = scores;
    }

    /// <summary>
    /// A pooled head's label over several sentences came from one of them (the highest for a side, the lowest for the
    /// background), so that sentence's n-grams explain it, not the whole paragraph's. Fills those heads' results and
    /// returns the labels left for the whole paragraph to explain.
    /// </summary>
    private IReadOnlyList<string?> ExplainDecidingSentences(string text, IReadOnlyList<string?> labels, int top, IReadOnlyList<TermContribution>[] result, Sentences? sentences)
    {
        string?[]? rest = null;
        for (int h = 0; h < Heads.Count; h++)
        {
            var head = Heads[h];
            if (labels[h] is not { } label || head.SentencePooling is not { } background || head.IndexOf(label) is not (var c and >= 0)) continue;
            sentences ??= new Sentences(SentenceSplitter.Split(text), Heads.Count);
            if (sentences.Texts.Count < 2) break;
            bool isBackground = head.IndexOf(background) == c;
            var scores = SentenceScores(h, sentences);
            int deciding = 0;
            for (int s = 1; s < scores.Length; s++)
                if (isBackground ? scores[s][c] < scores[deciding][c] : scores[s][c] > scores[deciding][c]) deciding = s;
            var only = new string?[Heads.Count];
            only[h] = label;
            result[h] = ExplainWith(sentences.Texts[deciding], sentences.Features?[deciding], null, only, top, null)[h];
            (rest ??= [.. labels])[h] = null;
        }
        return rest ?? labels;
    }

    /// <summary>
    /// The texts, and their sentences too when a head pools them and the model embeds text, so that one batched
    /// embedding pass covers the sentences as well instead of one model call per sentence.
    /// </summary>
    private IReadOnlyList<string> WithPooledSentences(IReadOnlyList<string> texts)
    {
        if (Featurizer.Options.Embeddings is null || !PoolsSentences) return texts;
        var all = new List<string>(texts.Count * 2);
        foreach (var text in texts)
        {
            all.Add(text);
            var sentences = SentenceSplitter.Split(text);
            if (sentences.Count > 1) all.AddRange(sentences);
        }
        return all;
    }

    /// <summary>A paragraph's sentences and, once a head needs them, their feature vectors.</summary>
    private sealed class Sentences(IReadOnlyList<string> texts, int heads)
    {
        public IReadOnlyList<string> Texts { get; } = texts;
        public SparseVector[]? Features { get; set; }

        /// <summary>Per head: each sentence's probabilities, once computed.</summary>
        public float[][]?[] Scores { get; } = new float[heads][][];
    }

    /// <summary>Predicts many texts on all cores; the order of the results is the order of the texts.</summary>
    public HeadPrediction[][] PredictAll(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        Featurizer.Embed(WithPooledSentences(texts), null, cancellationToken); // one batched pass when the model has embeddings
        var result = new HeadPrediction[texts.Count][];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => result[i] = Predict(texts[i]));
        return result;
    }

    /// <summary>
    /// Predicts the paragraphs of one article, in order. With article context (<see cref="FeaturizerOptions.ContextWeight"/>)
    /// each paragraph sees the others; otherwise the same as predicting each alone.
    /// </summary>
    public HeadPrediction[][] PredictArticle(IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var features = Featurizer.TransformArticle(paragraphs);
        var result = new HeadPrediction[features.Length][];
        for (int i = 0; i < features.Length; i++) result[i] = Predict(paragraphs[i], features[i]);
        return result;
    }

    /// <summary>
    /// Predicts the paragraphs of one article as <see cref="PredictArticle(IReadOnlyList{string})"/> does and, with
    /// <paramref name="explainTerms"/> &gt; 0, explains each head's predicted label with that many n-grams, as
    /// <see cref="ExplainAll"/> does. Each paragraph is featurized once for both. Thread-safe.
    /// </summary>
    public ExplainedPrediction[] PredictArticle(IReadOnlyList<string> paragraphs, int explainTerms, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentOutOfRangeException.ThrowIfNegative(explainTerms);
        bool explain = explainTerms > 0;
        bool explainsFeatures = false;
        foreach (var head in Heads) explainsFeatures |= head.Model is IExplainableModel;
        SparseVector[]? features = null;
        FeatureTerm[][]? terms = null;
        if (explain && explainsFeatures) (features, terms) = Featurizer.TransformArticleWithTerms(paragraphs);
        else if (NeedsFeatures) features = Featurizer.TransformArticle(paragraphs);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new ExplainedPrediction[paragraphs.Count];
        for (int i = 0; i < paragraphs.Count; i++)
        {
            Sentences? sentences = null;
            var prediction = Predict(paragraphs[i], features?[i], ref sentences);
            IReadOnlyList<TermContribution>[]? explanation = null;
            if (explain)
            {
                var labels = new string?[prediction.Length];
                for (int h = 0; h < prediction.Length; h++) labels[h] = prediction[h].Label;
                explanation = ExplainWith(paragraphs[i], features?[i], terms?[i], labels, explainTerms, sentences);
            }
            result[i] = new ExplainedPrediction(prediction, explanation);
        }
        return result;
    }

    /// <summary>
    /// <see cref="PredictArticle(IReadOnlyList{string}, int, CancellationToken)"/> for texts that are each an article of
    /// their own (no text is another's context), on all cores; results in text order.
    /// </summary>
    public ExplainedPrediction[] PredictEach(IReadOnlyList<string> texts, int explainTerms, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfNegative(explainTerms);
        Featurizer.Embed(WithPooledSentences(texts), null, cancellationToken); // one batched pass when the model has embeddings
        var result = new ExplainedPrediction[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken },
            i => result[i] = PredictArticle([texts[i]], explainTerms)[0]);
        return result;
    }

    /// <summary>Predicts texts grouped into articles by <paramref name="groups"/> (one key per text); results in text order.</summary>
    public HeadPrediction[][] PredictGrouped(IReadOnlyList<string> texts, IReadOnlyList<string> groups, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(groups);
        if (Featurizer.Options.ContextWeight <= 0) return PredictAll(texts, cancellationToken);
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < texts.Count; i++)
        {
            if (!members.TryGetValue(groups[i], out var list)) members[groups[i]] = list = [];
            list.Add(i);
        }
        var result = new HeadPrediction[texts.Count][];
        foreach (var list in members.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var predictions = PredictArticle([.. list.Select(i => texts[i])]);
            for (int j = 0; j < list.Count; j++) result[list[j]] = predictions[j];
        }
        return result;
    }

    /// <summary>
    /// The n-grams of <paramref name="text"/> that pushed <paramref name="label"/> of head <paramref name="headIndex"/>
    /// the most, strongest first (positive and negative). Empty for models that are not explainable (boosted trees).
    /// </summary>
    public IReadOnlyList<TermContribution> Explain(string text, int headIndex, string label, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfNegative(headIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(headIndex, Heads.Count);
        var labels = new string?[Heads.Count];
        labels[headIndex] = label;
        return ExplainAll(text, labels, top)[headIndex];
    }

    /// <summary>
    /// <see cref="Explain"/> for several heads at once (null label = skip that head): the text is featurized and its
    /// n-grams listed once, not once per head.
    /// </summary>
    public IReadOnlyList<TermContribution>[] ExplainAll(string text, IReadOnlyList<string?> labels, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != Heads.Count) throw new ArgumentException($"one label (or null) per head: the model has {Heads.Count} heads, {labels.Count} labels were given", nameof(labels));
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        return ExplainWith(text, null, null, labels, top, null);
    }

    /// <summary>
    /// The work of <see cref="ExplainAll"/>, given the text's features and n-grams when the caller has them already
    /// (from <see cref="FittedFeaturizer.TransformArticleWithTerms"/>); computed here when null. An article vector's
    /// context block has no n-gram, so it adds no term: the paragraph's own terms explain it, as with Transform(text).
    /// </summary>
    private IReadOnlyList<TermContribution>[] ExplainWith(string text, SparseVector? features, IReadOnlyList<FeatureTerm>? terms, IReadOnlyList<string?> labels, int top,
        Sentences? sentences)
    {
        var result = new IReadOnlyList<TermContribution>[Heads.Count];
        Array.Fill(result, []);
        labels = ExplainDecidingSentences(text, labels, top, result, sentences);
        bool any = false;
        for (int h = 0; h < Heads.Count; h++)
        {
            if (labels[h] is { } own && Heads[h].Model is ITextExplainer { CanExplain: true } explainer && Heads[h].IndexOf(own) is var c and >= 0)
                result[h] = explainer.Explain(text, c, top);
            any |= labels[h] is not null && Heads[h].Model is IExplainableModel;
        }
        if (!any) return result;

        features ??= Featurizer.Transform(text);
        var termsByFeature = new Dictionary<int, string>();
        var kindByFeature = new Dictionary<int, string>();
        foreach (var term in terms ?? Featurizer.Terms(text))
        {
            // Several n-grams may share a hashed feature; show them together.
            termsByFeature[term.Feature] = termsByFeature.TryGetValue(term.Feature, out var existing) && !existing.Split(" | ").Contains(term.Text)
                ? existing + " | " + term.Text
                : existing ?? term.Text;
            kindByFeature[term.Feature] = term.Kind.ToString().ToLowerInvariant();
        }
        for (int h = 0; h < Heads.Count; h++)
        {
            if (labels[h] is not { } label || Heads[h].Model is not IExplainableModel explainable) continue;
            int cls = Heads[h].IndexOf(label);
            if (cls < 0) continue;
            var list = new List<TermContribution>(features.Count);
            for (int i = 0; i < features.Count; i++)
            {
                int f = features.Indices[i];
                if (!termsByFeature.TryGetValue(f, out var termText)) continue;
                float contribution = explainable.Contribution(cls, f, features.Values[i]);
                if (contribution == 0f) continue;
                list.Add(new TermContribution(termText, kindByFeature[f], features.Values[i], contribution));
            }
            list.Sort((x, y) => MathF.Abs(y.Contribution).CompareTo(MathF.Abs(x.Contribution)));
            result[h] = list.Count > top ? list.GetRange(0, top) : list;
        }
        return result;
    }
}
