using System.Security.Cryptography;
using System.Text;
using Classifier.Engine.Data;
using Classifier.Engine.Featurization;
using Classifier.Engine.Models;
using Classifier.Text.Datasets;
using Classifier.Text.Diagnostics;
using Classifier.Text.Labels;

namespace Classifier.Engine.Pipeline;

/// <summary>
/// Fits a <see cref="TextClassifier"/>: one featurizer shared by all heads, one trainer per head (label column).
/// A row trains the heads it has a label for.
/// </summary>
public static class PipelineTrainer
{
    /// <summary>The label values of each head, in a stable order: the codebook's order for stance and topic, else ordinal.</summary>
    public static IReadOnlyList<string>[] LabelSets(LabelledDataset data)
    {
        var sets = new IReadOnlyList<string>[data.HeadNames.Count];
        for (int h = 0; h < sets.Length; h++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in data.Labels) if (row[h] is { } label) seen.Add(label);
            var schema = LabelSchema.ValuesOf(data.HeadNames[h].ToLowerInvariant());
            sets[h] = schema is not null && seen.All(schema.Contains)
                ? [.. schema.Where(seen.Contains)]
                : [.. seen.Order(StringComparer.Ordinal)];
            if (sets[h].Count < 2)
                throw new InputException(
                    sets[h].Count == 0 ? $"label column '{data.HeadNames[h]}' has no labels" : $"label column '{data.HeadNames[h]}' has a single class ('{sets[h][0]}')",
                    hint: "a classifier needs at least two classes to tell apart");
        }
        return sets;
    }

    /// <summary>Fits on all rows of <paramref name="data"/>.</summary>
    public static TextClassifier Fit(LabelledDataset data, PipelineOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        Fit(data, AllRows(data.Count), LabelSets(data), options, progress, cancellationToken);

    /// <summary>Fits on the given rows with fixed label sets (so cross-validation folds agree on class indices).</summary>
    public static TextClassifier Fit(LabelledDataset data, int[] rows, IReadOnlyList<string>[] labelSets, PipelineOptions options,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckSentencePooling(data, labelSets, options); // before the featurizing it would waste
        progress?.Report("featurizing");
        return Fit(data, labelSets, options, Featurize(data, rows, options, cancellationToken), progress, cancellationToken);
    }

    /// <summary>
    /// The first half of <see cref="Fit(LabelledDataset, int[], IReadOnlyList{string}[], PipelineOptions, IProgress{string}?, CancellationToken)"/>:
    /// fits the featurizer on the rows' texts and featurizes them, keeping what the model file needs of the texts
    /// (their hashes and the data fingerprint) and the texts themselves only for a trainer that featurizes text itself.
    /// After this the caller may drop the texts (<see cref="LabelledDataset.WithoutTexts"/>) before the trainers run:
    /// at 120k paragraphs they are ~130 MB beside the matrix.
    /// </summary>
    public static FeaturizedRows Featurize(LabelledDataset data, int[] rows, PipelineOptions options, CancellationToken cancellationToken = default) =>
        FeaturizeRows(ref data, rows, options, release: false, cancellationToken);

    /// <summary>
    /// <see cref="Featurize(LabelledDataset, int[], PipelineOptions, CancellationToken)"/> that also takes the texts away
    /// from <paramref name="data"/> (replaced by <see cref="LabelledDataset.WithoutTexts"/>) before featurizing, and
    /// lets the featurizer release each text once read (<see cref="TextFeaturizer.FitTransformReleasing"/>): the peak
    /// is then about the matrix, not the matrix plus the texts. For a caller that holds the dataset only through
    /// <paramref name="data"/>; when a head's trainer needs the texts (ML.NET's) they are kept in the result.
    /// </summary>
    public static FeaturizedRows FeaturizeReleasingTexts(ref LabelledDataset data, int[] rows, PipelineOptions options, CancellationToken cancellationToken = default) =>
        FeaturizeRows(ref data, rows, options, release: true, cancellationToken);

    // Fully optimised from the first call: unoptimised code would keep the old dataset (and so every text) reachable
    // from this frame until it returns.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static FeaturizedRows FeaturizeRows(ref LabelledDataset data, int[] rows, PipelineOptions options, bool release, CancellationToken cancellationToken)
    {
        if (HeadNames.Problem(data.HeadNames) is { } problem) throw new ArgumentException(problem, nameof(data));
        var texts = new string?[rows.Length];
        for (int i = 0; i < rows.Length; i++) texts[i] = data.Texts[rows[i]];
        var hashes = TextHashes(texts!);
        var fingerprint = Fingerprint(data, rows);
        var groups = GroupIndices(data, rows);
        bool keep = NeedsTexts(data, options);
        if (release) data = data.WithoutTexts();
        var featurizer = new TextFeaturizer(options.Featurizer);
        var (fitted, features) = release && !keep
            ? featurizer.FitTransformReleasing(texts, cancellationToken, groups)
            : featurizer.FitTransform(texts!, cancellationToken, groups);
        return new FeaturizedRows(rows, fitted, features, keep ? (string[])texts! : null, hashes, fingerprint);
    }

    private static bool NeedsTexts(LabelledDataset data, PipelineOptions options)
    {
        foreach (var head in data.HeadNames)
            if (TrainerFactory.Definition(options.TrainerFor(head).Trainer).Engine != TrainerDefinition.OwnEngine) return true;
        return false;
    }

    /// <summary>The second half: one trainer per head on rows featurized by <see cref="Featurize"/> (the texts are not read again).</summary>
    public static TextClassifier Fit(LabelledDataset data, IReadOnlyList<string>[] labelSets, PipelineOptions options, FeaturizedRows featurized,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (HeadNames.Problem(data.HeadNames) is { } problem) throw new ArgumentException(problem, nameof(data));
        CheckSentencePooling(data, labelSets, options);
        var rows = featurized.Rows;
        var heads = new ClassifierHead[data.HeadNames.Count];
        var labelCounts = new Dictionary<string, IReadOnlyDictionary<string, int>>();
        for (int h = 0; h < heads.Length; h++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"training {data.HeadNames[h]}");
            var set = BuildTrainingSet(data, rows, featurized.Texts, featurized.Features, h, labelSets[h], options);
            var chosen = options.TrainerFor(data.HeadNames[h]);
            var trainer = TrainerFactory.Create(chosen.Trainer, options.Seed, chosen.Settings, options.Featurizer);
            var model = trainer.Fit(set, null, cancellationToken);
            heads[h] = new ClassifierHead(data.HeadNames[h], labelSets[h], model, trainer.Name, trainer.Describe())
            {
                SentencePooling = PoolingFor(options, data.HeadNames[h]),
            };
            labelCounts[data.HeadNames[h]] = CountLabels(set, labelSets[h]);
        }
        var info = new ModelInfo(DateTimeOffset.UtcNow, ModelInfo.CurrentToolVersion, featurized.Fingerprint, rows.Length, labelCounts,
            new Dictionary<string, IReadOnlyDictionary<string, double>>())
        {
            TrainingTextHashes = featurized.TextHashes,
        };
        return new TextClassifier(featurized.Featurizer, heads, info);
    }

    /// <summary>Every pooled head exists and has its background label; pooling and article context do not combine.</summary>
    public static void CheckSentencePooling(LabelledDataset data, IReadOnlyList<string>[] labelSets, PipelineOptions options)
    {
        var pooled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (head, background) in options.SentencePooling)
        {
            if (!pooled.Add(head))
                throw new InputException($"sentence pooling names head '{head}' twice (head names are matched ignoring case)", hint: "give each head once");
            int h = -1;
            for (int i = 0; i < data.HeadNames.Count; i++)
                if (string.Equals(data.HeadNames[i], head, StringComparison.OrdinalIgnoreCase)) h = i;
            if (h < 0)
                throw new InputException($"sentence pooling names head '{head}', which the data does not have",
                    hint: $"the heads are: {string.Join(", ", data.HeadNames)}");
            if (labelSets[h].IndexOfLabel(background) < 0)
                throw new InputException($"sentence pooling of '{data.HeadNames[h]}' needs a background label '{background}', which that head does not have",
                    hint: $"name one of its labels as HEAD:LABEL: {string.Join(", ", labelSets[h])}");
        }
        if (options.SentencePooling.Count > 0 && options.Featurizer.ContextWeight > 0)
            throw new InputException("sentence pooling does not combine with article context yet",
                hint: "drop --context-weight or --sentence-pooling");
    }

    private static string? PoolingFor(PipelineOptions options, string head)
    {
        foreach (var (name, background) in options.SentencePooling)
            if (string.Equals(name, head, StringComparison.OrdinalIgnoreCase)) return background;
        return null;
    }

    private static TrainingSet BuildTrainingSet(LabelledDataset data, int[] rows, string[]? texts, SparseMatrix features, int head, IReadOnlyList<string> labels, PipelineOptions options)
    {
        var keep = new List<int>(rows.Length);
        var y = new List<int>(rows.Length);
        var w = new List<float>(rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            var label = data.Labels[rows[i]][head];
            if (label is null) continue;
            int cls = labels.IndexOfLabel(label);
            if (cls < 0) continue;
            keep.Add(i);
            y.Add(cls);
            w.Add(data.Weights[rows[i]]);
        }
        var weights = w.ToArray();
        var classes = y.ToArray();
        if (options.ClassWeighting == ClassWeighting.Balanced) ApplyBalancedWeights(classes, weights, labels.Count);
        else if (options.ClassWeighting == ClassWeighting.Explicit)
            for (int i = 0; i < classes.Length; i++)
                if (options.ClassWeights.TryGetValue(labels[classes[i]], out var multiplier)) weights[i] *= multiplier;
        var matrix = keep.Count == rows.Length ? features : features.SelectRows(keep.ToArray());
        string[]? keptTexts = null;
        if (texts is not null)
        {
            keptTexts = new string[keep.Count];
            for (int i = 0; i < keptTexts.Length; i++) keptTexts[i] = texts[keep[i]];
        }
        var set = new TrainingSet(matrix, classes, labels.Count, weights) { Texts = keptTexts, ClassNames = labels };
        set.Validate();
        return set;
    }

    /// <summary>w_i ← w_i · W / (K_present · W_c): every class present carries the same total weight.</summary>
    private static void ApplyBalancedWeights(int[] classes, float[] weights, int classCount)
    {
        var totals = new double[classCount];
        double all = 0;
        for (int i = 0; i < classes.Length; i++) { totals[classes[i]] += weights[i]; all += weights[i]; }
        int present = 0;
        foreach (var t in totals) if (t > 0) present++;
        for (int i = 0; i < classes.Length; i++)
            if (totals[classes[i]] > 0) weights[i] = (float)(weights[i] * all / (present * totals[classes[i]]));
    }

    private static IReadOnlyDictionary<string, int> CountLabels(TrainingSet set, IReadOnlyList<string> labels)
    {
        var counts = new Dictionary<string, int>();
        foreach (var l in labels) counts[l] = 0;
        foreach (var c in set.Labels) counts[labels[c]]++;
        return counts;
    }


    public static int[] AllRows(int count)
    {
        var rows = new int[count];
        for (int i = 0; i < count; i++) rows[i] = i;
        return rows;
    }

    /// <summary>Each row's group (article) as a small integer, for article context.</summary>
    public static int[] GroupIndices(LabelledDataset data, IReadOnlyList<int> rows)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new int[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            var g = data.Groups[rows[i]];
            if (!ids.TryGetValue(g, out int id)) ids[g] = id = ids.Count;
            result[i] = id;
        }
        return result;
    }

    private static ulong[] TextHashes(string[] texts)
    {
        var hashes = new ulong[texts.Length];
        for (int i = 0; i < texts.Length; i++) hashes[i] = ModelInfo.TextHash(texts[i]);
        Array.Sort(hashes);
        return hashes;
    }

    /// <summary>SHA-256 over the training rows' texts and labels: tells whether two models saw the same data.</summary>
    public static string Fingerprint(LabelledDataset data, int[] rows)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in rows)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(data.Texts[r]));
            sha.AppendData([0]);
            foreach (var l in data.Labels[r]) { sha.AppendData(Encoding.UTF8.GetBytes(l ?? "")); sha.AppendData([0]); }
            sha.AppendData(BitConverter.GetBytes(data.Weights[r]));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
