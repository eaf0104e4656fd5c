using Classifier.Embeddings;
using Classifier.Engine.Featurization;

namespace Classifier.Tests.Embeddings;

/// <summary>The embedding block, with the real snowflake-arctic-embed-xs model (loads in a few seconds).</summary>
public sealed class ArcticXsEmbedderTests
{
    private static readonly Lazy<ArcticXsEmbedder> Model = new(() => new ArcticXsEmbedder());

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0;
        for (int i = 0; i < a.Length; i++) dot += a[i] * b[i];
        return dot;
    }

    [Fact]
    public void Vectors_are_unit_length_and_diacritics_or_cyrillic_do_not_become_unknown_tokens()
    {
        var v = Model.Value.Embed(["Vučić met the Russian ambassador in Belgrade.", "Vucic met the Russian ambassador in Belgrade.",
            "Вучић met the Russian ambassador in Belgrade.", "The weather in Lisbon was sunny and warm.", "Serbia's president met Moscow's envoy."]);
        Assert.All(v, x => Assert.Equal(384, x.Length));
        Assert.All(v, x => Assert.Equal(1.0, Math.Sqrt(x.Sum(d => (double)d * d)), 4));
        Assert.Equal(1.0, Cosine(v[0], v[1]), 4); // the same text once normalised
        Assert.Equal(1.0, Cosine(v[0], v[2]), 4);
        Assert.True(Cosine(v[0], v[4]) > Cosine(v[0], v[3]), "a paraphrase is closer than an unrelated sentence");
    }

    [Fact]
    public void A_featurizer_with_embeddings_appends_the_block_and_a_saved_model_needs_the_embedder()
    {
        ArcticXsEmbedder.Register();
        var fitted = new TextFeaturizer(new FeaturizerOptions { HashBits = 8, Embeddings = "arctic-xs", EmbeddingWeight = 0.5f })
            .Fit(["Kurti spoke in Pristina.", "Vučić spoke in Belgrade."]);
        Assert.Equal(fitted.EmbeddingBlockStart + 384, fitted.FeatureCount);
        var v = fitted.Transform("Kurti spoke in Pristina.");
        var block = Enumerable.Range(0, v.Count).Where(i => v.Indices[i] >= fitted.EmbeddingBlockStart).Select(i => (double)v.Values[i]).ToList();
        Assert.Equal(384, block.Count);
        Assert.Equal(0.5, Math.Sqrt(block.Sum(x => x * x)), 3);
        Assert.Throws<ArgumentException>(() => TextEmbedders.Get("no-such-model"));
    }
}
