namespace Classifier.Engine.Featurization;

/// <summary>How text becomes a sparse vector (the job of ML.NET's FeaturizeText). Defaults are documented per setting.</summary>
public sealed record FeaturizerOptions
{
    /// <summary>Longest word n-gram (1–3). Default 2: unigrams and bigrams, as FeaturizeText.</summary>
    public int WordNgrams { get; init; } = 2;

    /// <summary>Shortest character n-gram; 0 turns the character block off. Default 2.</summary>
    public int CharNgramMin { get; init; } = 2;

    /// <summary>Longest character n-gram. Default 4.</summary>
    public int CharNgramMax { get; init; } = 4;

    /// <summary>Each block (words, characters) hashes into 2^HashBits signed buckets. Default 18.</summary>
    public int HashBits { get; init; } = 18;

    /// <summary>Learn a vocabulary of the n-grams seen at least <see cref="MinCount"/> times instead of hashing. Default false.</summary>
    public bool LearnVocabulary { get; init; }

    /// <summary>With a learned vocabulary: the fewest documents an n-gram must appear in to be kept. Default 2.</summary>
    public int MinCount { get; init; } = 2;

    /// <summary>Term weighting. Default TF-IDF.</summary>
    public TermWeighting Weighting { get; init; } = TermWeighting.TfIdf;

    /// <summary>Use 1 + ln(tf) instead of the raw count. Default true: repeated words add little evidence.</summary>
    public bool SublinearTf { get; init; } = true;

    /// <summary>Scale the word block and the character block each to unit L2 norm. Default true.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>
    /// Add a block of word n-grams marked by voice: inside quotation marks or the narrator's (see QuoteSplitter), so
    /// the model can weigh a claim in a quote differently from the same words as the outlet's framing. Default false.
    /// </summary>
    public bool VoiceNgrams { get; init; }

    /// <summary>
    /// A rule file's JSON (the format of data/rules.json): each rule that fires, and each head-label's vote count,
    /// becomes a feature in a block of its own. Stored in the model so predictions use the same rules. Default none.
    /// </summary>
    public string? RuleFeatures { get; init; }

    /// <summary>
    /// A frame lexicon's JSON (the format of data/frames.json): its phrases are replaced by their classes ("@kosovo",
    /// "@urge") and the n-grams that involve a class become a block of their own (see <see cref="FrameFeatures"/>), so
    /// who speaks, who is blamed and who answers generalise across names. Stored in the model. Default none.
    /// </summary>
    public string? Frames { get; init; }

    /// <summary>
    /// A sentence-embedding block from a registered <see cref="ITextEmbedder"/> (e.g. "arctic-xs"), appended to the
    /// n-gram features. Slow (about 90 paragraphs/s on 2 cores); helps topic-like labels with few examples. Default none.
    /// </summary>
    public string? Embeddings { get; init; }

    /// <summary>Scale of the (unit-length) embedding block relative to the unit-length n-gram blocks. Default 1.</summary>
    public float EmbeddingWeight { get; init; } = 1f;

    /// <summary>
    /// Weight of the article-context block: the normalised mean of the article's paragraph vectors, appended to each
    /// paragraph's own features in a copy of the feature space, so an outlet's framing elsewhere in the article is
    /// evidence for an ambiguous paragraph. 0 turns it off. Default 0.
    /// </summary>
    public float ContextWeight { get; init; }

    public void Validate()
    {
        if (WordNgrams is < 1 or > 3) throw new ArgumentException($"WordNgrams must be 1, 2 or 3, not {WordNgrams}.");
        if (CharNgramMin != 0 && (CharNgramMin < 1 || CharNgramMax < CharNgramMin || CharNgramMax > 8))
            throw new ArgumentException($"character n-gram range {CharNgramMin}..{CharNgramMax} must satisfy 1 <= min <= max <= 8.");
        if (HashBits is < 4 or > 24) throw new ArgumentException($"HashBits must be between 4 and 24, not {HashBits}.");
        if (VoiceNgrams && LearnVocabulary) throw new ArgumentException("voice n-grams need hashing; they do not work with a learned vocabulary yet.");
        if (!(ContextWeight >= 0) || ContextWeight > 10) throw new ArgumentException($"ContextWeight must be between 0 and 10, not {ContextWeight}.");
        if (!(EmbeddingWeight > 0) || EmbeddingWeight > 10) throw new ArgumentException($"EmbeddingWeight must be above 0 and at most 10, not {EmbeddingWeight}.");
        if (MinCount < 1) throw new ArgumentException($"MinCount must be at least 1, not {MinCount}.");
    }
}
