using Classifier.Engine.Featurization;
using Classifier.Tests.Labelling;

namespace Classifier.Tests.Engine.Featurization;

/// <summary>The framing blocks: word n-grams marked by voice, and labelling rules as features.</summary>
public sealed class FramingFeaturesTests
{
    private static readonly string[] Corpus =
    [
        "Vučić said “the separatist authorities” attacked Serbs.",
        "The separatist authorities in Pristina attacked Serbs, Vučić said.",
        "Kurti met the EU envoy in Brussels.",
    ];

    private static string Rules => File.ReadAllText(Path.Combine(Repo.Root, "data", "rules.json"));

    /// <summary>The featurizer as a model file stores and reads it.</summary>
    internal static FittedFeaturizer Roundtrip(FittedFeaturizer fitted)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) fitted.WriteTo(writer);
        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        return FittedFeaturizer.ReadFrom(reader);
    }

    [Fact]
    public void Off_by_default_the_feature_space_is_unchanged()
    {
        var plain = new TextFeaturizer(new FeaturizerOptions { HashBits = 10 }).Fit(Corpus);
        Assert.Equal(2 << 10, plain.FeatureCount);
        Assert.Equal(plain.FeatureCount, plain.VoiceBlockStart);
        Assert.Equal(plain.FeatureCount, plain.RuleBlockStart);
        Assert.DoesNotContain(plain.Terms(Corpus[0]), t => t.Kind is TermKind.Voice or TermKind.Rule);
    }

    [Fact]
    public void The_same_words_quoted_and_narrated_are_different_voice_features_and_the_plain_block_is_shared()
    {
        var fitted = new TextFeaturizer(new FeaturizerOptions { HashBits = 12, VoiceNgrams = true }).Fit(Corpus);
        Assert.Equal(3 << 12, fitted.FeatureCount);
        var quoted = fitted.Terms(Corpus[0]).ToList();
        var narrated = fitted.Terms(Corpus[1]).ToList();
        Assert.Contains(quoted, t => t.Kind == TermKind.Voice && t.Text == "quote:separatist authorities");
        Assert.Contains(narrated, t => t.Kind == TermKind.Voice && t.Text == "narrator:separatist authorities");
        Assert.DoesNotContain(quoted, t => t.Text == "narrator:separatist");
        int Feature(List<FeatureTerm> terms, string text) => terms.First(t => t.Text == text).Feature;
        Assert.NotEqual(Feature(quoted, "quote:separatist"), Feature(narrated, "narrator:separatist"));
        Assert.Equal(Feature(quoted, "separatist"), Feature(narrated, "separatist"));
        // A voice n-gram never spans the change of voice: "said the" crosses the opening quote.
        Assert.DoesNotContain(quoted, t => t.Kind == TermKind.Voice && t.Text.EndsWith("said the", StringComparison.Ordinal));
        Assert.All(quoted.Where(t => t.Kind == TermKind.Voice), t => Assert.InRange(t.Feature, fitted.VoiceBlockStart, fitted.FeatureCount - 1));
        // Each block is normalised on its own.
        var v = fitted.Transform(Corpus[0]);
        double voice = 0;
        for (int i = 0; i < v.Count; i++) if (v.Indices[i] >= fitted.VoiceBlockStart) voice += v.Values[i] * v.Values[i];
        Assert.Equal(1.0, voice, 4);
        var loaded = Roundtrip(fitted);
        Assert.Equal(v.Indices, loaded.Transform(Corpus[0]).Indices);
    }

    [Fact]
    public void Rules_that_fire_become_features_with_their_votes_and_survive_saving()
    {
        var fitted = new TextFeaturizer(new FeaturizerOptions { HashBits = 10, RuleFeatures = Rules }).Fit(Corpus);
        Assert.True(fitted.FeatureCount > fitted.RuleBlockStart);
        const string text = "the so-called “Prime Minister” of the separatist region";
        var terms = fitted.Terms(text).Where(t => t.Kind == TermKind.Rule).Select(t => t.Text).ToList();
        Assert.Contains("rule:stance.so_called", terms);
        Assert.Contains("rule:stance.separatist", terms);
        Assert.Contains("vote:stance=pro-serbia", terms);
        var v = fitted.Transform(text);
        var ruleValues = Enumerable.Range(0, v.Count).Where(i => v.Indices[i] >= fitted.RuleBlockStart).Select(i => v.Values[i]).ToList();
        Assert.Equal(terms.Count, ruleValues.Count);
        // Two pro-serbia rules fired: the vote feature counts both, twice a single rule's value (before the block norm).
        Assert.Equal(2 * ruleValues.Min(), ruleValues.Max(), 4);
        Assert.DoesNotContain(fitted.Terms("the weather was fine"), t => t.Kind == TermKind.Rule);
        var loaded = Roundtrip(fitted);
        Assert.Equal(fitted.FeatureCount, loaded.FeatureCount);
        Assert.Equal(v.Values, loaded.Transform(text).Values);
    }

    [Fact]
    public void Article_context_is_the_weighted_mean_of_the_articles_paragraphs_in_a_copy_of_the_feature_space()
    {
        var options = new FeaturizerOptions { HashBits = 10, ContextWeight = 0.5f };
        var (fitted, matrix) = new TextFeaturizer(options).FitTransform(Corpus, groups: [0, 0, 1]);
        Assert.Equal(2 * fitted.ContextBlockStart, fitted.FeatureCount);
        var article = fitted.TransformArticle([Corpus[0], Corpus[1]]);
        // Both paragraphs of one article share the same context block, of norm ContextWeight.
        float[] Context(Classifier.Engine.Data.SparseVector v) =>
            [.. Enumerable.Range(0, v.Count).Where(i => v.Indices[i] >= fitted.ContextBlockStart).Select(i => v.Values[i])];
        Assert.Equal(Context(article[0]), Context(article[1]));
        Assert.Equal(0.5, Math.Sqrt(Context(article[0]).Sum(x => (double)x * x)), 4);
        // Their own features are untouched by the context: the same as featurized alone, minus the context block.
        var alone = fitted.Transform(Corpus[0]);
        Assert.Equal(alone.Indices.Where(i => i < fitted.ContextBlockStart), article[0].Indices.Where(i => i < fitted.ContextBlockStart));
        // A paragraph alone is its own context: its context block is its features, shifted and rescaled.
        Assert.Equal(alone.Indices.Where(i => i < fitted.ContextBlockStart).Select(i => i + fitted.ContextBlockStart),
            alone.Indices.Where(i => i >= fitted.ContextBlockStart));
        // Training rows got their own group's context: rows 0 and 1 share it, row 2 has its own.
        float[] RowContext(int r)
        {
            var row = matrix.Row(r);
            var values = new List<float>();
            for (int i = 0; i < row.Indices.Length; i++) if (row.Indices[i] >= fitted.ContextBlockStart) values.Add(row.Values[i]);
            return [.. values];
        }
        Assert.Equal(RowContext(0), RowContext(1));
        Assert.NotEqual(RowContext(0), RowContext(2));
        // The training matrix stores each value as the nearest 16-bit float.
        Assert.Equal(Array.ConvertAll(Context(article[0]), v => (float)(Half)v), RowContext(0));
    }

    [Fact]
    public void A_rule_that_times_out_abstains_and_the_other_rules_still_fire()
    {
        const string json = """
            { "rules": [
              { "name": "slow", "head": "stance", "label": "pro-serbia", "kind": "regex", "patterns": ["^(a+)+$"], "rationale": "catastrophic on purpose" },
              { "name": "kfor", "head": "topic", "label": "security", "kind": "keywords", "patterns": ["kfor"], "rationale": "test" } ] }
            """;
        var rules = new RuleFeatures(json);
        var (indices, _) = rules.Compute(new string('a', 40) + "! kfor");
        Assert.Equal(["rule:kfor", "vote:topic=security"], indices.Select(i => rules.Names[i]));
    }

    [Fact]
    public void Voice_n_grams_with_a_learned_vocabulary_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new FeaturizerOptions { VoiceNgrams = true, LearnVocabulary = true }.Validate());
    }
}
