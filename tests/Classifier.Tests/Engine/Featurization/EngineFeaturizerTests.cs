using Classifier.Engine.Data;
using Classifier.Engine.Featurization;

namespace Classifier.Tests.Engine.Featurization;

public class EngineFeaturizerTests
{
    private static readonly string[] Corpus =
    [
        "Vučić met Kurti in Brussels.",
        "Kurti said Kosovo is independent; Vučić disagreed.",
        "The EU called on Serbia and Kosovo to normalise relations.",
        "Брисел: Вучић и Курти без договора.",
    ];

    private static FeaturizerOptions Vocabulary(int wordNgrams = 1, int charMin = 0, int charMax = 4) => new()
    {
        LearnVocabulary = true, MinCount = 1, WordNgrams = wordNgrams, CharNgramMin = charMin, CharNgramMax = charMax,
    };

    private static Dictionary<int, float> AsMap(SparseVector v)
    {
        var map = new Dictionary<int, float>();
        for (int i = 0; i < v.Count; i++) map[v.Indices[i]] = v.Values[i];
        return map;
    }

    private static void AssertSameVector(SparseVector expected, SparseVector actual)
    {
        Assert.Equal(expected.Indices, actual.Indices);
        Assert.Equal(expected.Values, actual.Values);
    }

    // A training-matrix row against a transformed vector: the matrix stores each value as the nearest 16-bit float.
    private static void AssertSameVector(SparseVector expected, SparseRow actual)
    {
        Assert.Equal(expected.Indices, actual.Indices.ToArray());
        Assert.Equal(Array.ConvertAll(expected.Values, v => (float)(Half)v), actual.Values.ToArray());
    }

    [Fact]
    public void Word_ngrams_up_to_trigrams_are_exactly_the_contiguous_token_runs()
    {
        const string text = "Vučić meets Kurti, today!";
        var fitted = new TextFeaturizer(Vocabulary(wordNgrams: 3)).Fit([text]);
        var terms = fitted.Terms(text).ToList();
        Assert.All(terms, t => Assert.Equal(TermKind.Word, t.Kind));
        string[] expected =
        [
            "vucic", "vucic meets", "vucic meets kurti",
            "meets", "meets kurti", "meets kurti today",
            "kurti", "kurti today",
            "today",
        ];
        Assert.Equal(expected, terms.Select(t => t.Text).ToArray());
        Assert.Equal(9, fitted.FeatureCount);
        Assert.Equal(9, terms.Select(t => t.Feature).Distinct().Count());
        Assert.Equal(9, fitted.Transform(text).Count);
    }

    [Fact]
    public void Unigrams_and_bigrams_only_when_WordNgrams_is_two()
    {
        const string text = "a b c";
        var fitted = new TextFeaturizer(Vocabulary(wordNgrams: 2)).Fit([text]);
        Assert.Equal(["a", "a b", "b", "b c", "c"], fitted.Terms(text).Select(t => t.Text).ToArray());
        var unigrams = new TextFeaturizer(Vocabulary(wordNgrams: 1)).Fit([text]);
        Assert.Equal(["a", "b", "c"], unigrams.Terms(text).Select(t => t.Text).ToArray());
    }

    [Fact]
    public void Char_ngrams_run_over_space_padded_tokens()
    {
        const string text = "Ab, cd";
        var options = Vocabulary(wordNgrams: 1, charMin: 2, charMax: 3);
        var fitted = new TextFeaturizer(options).Fit([text]);
        var chars = fitted.Terms(text).Where(t => t.Kind == TermKind.Char).Select(t => t.Text).ToArray();
        // " ab cd " → 2-grams and 3-grams by start position; spaces are shown as '_'.
        string[] expected = ["_a", "_ab", "ab", "ab_", "b_", "b_c", "_c", "_cd", "cd", "cd_", "d_"];
        Assert.Equal(expected, chars);
        Assert.Equal(2 + expected.Length, fitted.FeatureCount);
        Assert.Equal(2, fitted.WordBlockSize);
        Assert.All(fitted.Terms(text).Where(t => t.Kind == TermKind.Char), t => Assert.True(t.Feature >= fitted.WordBlockSize));
    }

    [Fact]
    public void Diacritics_and_Cyrillic_fold_to_the_same_vector()
    {
        foreach (var options in new[] { new FeaturizerOptions(), Vocabulary(wordNgrams: 2, charMin: 2, charMax: 4) })
        {
            var fitted = new TextFeaturizer(options).Fit(Corpus);
            var latin = fitted.Transform("Vučić");
            Assert.NotEqual(0, latin.Count);
            AssertSameVector(latin, fitted.Transform("Vucic"));
            AssertSameVector(latin, fitted.Transform("Вучић"));
            AssertSameVector(latin, fitted.Transform("VUČIĆ"));
        }
    }

    [Fact]
    public void Regional_names_fold_to_plain_ascii_tokens()
    {
        const string text = "Šešelj, Đinđić, Çeku, Hoxhë, Приштина, Ђоковић";
        var fitted = new TextFeaturizer(Vocabulary()).Fit([text]);
        Assert.Equal(["seselj", "djindjic", "ceku", "hoxhe", "pristina", "djokovic"], fitted.Terms(text).Select(t => t.Text).ToArray());
    }

    // Three documents; unigrams only; df: kosovo 2, serbia 2, talks 1, eu 1; N = 3.
    private static readonly string[] Tiny = ["kosovo kosovo serbia", "kosovo talks", "serbia serbia serbia eu"];
    private static readonly double IdfTwo = Math.Log(4.0 / 3.0) + 1, IdfOne = Math.Log(4.0 / 2.0) + 1;

    private static Dictionary<string, float> Weights(FeaturizerOptions options, string text)
    {
        var fitted = new TextFeaturizer(options).Fit(Tiny);
        var values = AsMap(fitted.Transform(text));
        return fitted.Terms(text).DistinctBy(t => t.Text).ToDictionary(t => t.Text, t => values[t.Feature]);
    }

    [Fact]
    public void Raw_term_frequency()
    {
        var w = Weights(Vocabulary() with { Weighting = TermWeighting.Tf, SublinearTf = false, Normalize = false }, Tiny[0]);
        Assert.Equal(2f, w["kosovo"]);
        Assert.Equal(1f, w["serbia"]);
    }

    [Fact]
    public void Sublinear_term_frequency()
    {
        var w = Weights(Vocabulary() with { Weighting = TermWeighting.Tf, SublinearTf = true, Normalize = false }, Tiny[2]);
        Assert.Equal(1 + Math.Log(3), w["serbia"], 5);
        Assert.Equal(1.0, w["eu"], 5);
    }

    [Fact]
    public void Idf_only_is_presence_times_smoothed_idf()
    {
        var w = Weights(Vocabulary() with { Weighting = TermWeighting.Idf, Normalize = false }, Tiny[2]);
        Assert.Equal(IdfTwo, w["serbia"], 5);
        Assert.Equal(IdfOne, w["eu"], 5);
    }

    [Fact]
    public void Tf_idf_raw_and_sublinear()
    {
        var raw = Weights(Vocabulary() with { Weighting = TermWeighting.TfIdf, SublinearTf = false, Normalize = false }, Tiny[0]);
        Assert.Equal(2 * IdfTwo, raw["kosovo"], 5);
        Assert.Equal(IdfTwo, raw["serbia"], 5);
        var sub = Weights(Vocabulary() with { Weighting = TermWeighting.TfIdf, SublinearTf = true, Normalize = false }, Tiny[2]);
        Assert.Equal((1 + Math.Log(3)) * IdfTwo, sub["serbia"], 5);
        Assert.Equal(IdfOne, sub["eu"], 5);
        // An n-gram the training data never saw (df = 0) gets ln((1 + N) / 1) + 1 in hashing mode.
        var hashed = new TextFeaturizer(new FeaturizerOptions { CharNgramMin = 0, WordNgrams = 1, SublinearTf = false, Normalize = false }).Fit(Tiny);
        var unseen = hashed.Transform("belgrade");
        Assert.Equal(Math.Log(4.0) + 1, Math.Abs(unseen.Values.Single()), 5);
    }

    [Fact]
    public void Normalised_tf_idf_has_the_hand_computed_direction()
    {
        var w = Weights(Vocabulary() with { Weighting = TermWeighting.TfIdf, SublinearTf = false }, Tiny[0]);
        double norm = Math.Sqrt(4 * IdfTwo * IdfTwo + IdfTwo * IdfTwo);
        Assert.Equal(2 * IdfTwo / norm, w["kosovo"], 5);
        Assert.Equal(IdfTwo / norm, w["serbia"], 5);
    }

    [Fact]
    public void Each_block_has_unit_norm()
    {
        foreach (var options in new[] { new FeaturizerOptions(), Vocabulary(wordNgrams: 2, charMin: 2, charMax: 4) })
        {
            var fitted = new TextFeaturizer(options).Fit(Corpus);
            foreach (var text in Corpus)
            {
                var v = fitted.Transform(text);
                double words = 0, chars = 0;
                for (int i = 0; i < v.Count; i++)
                {
                    if (v.Indices[i] < fitted.WordBlockSize) words += v.Values[i] * v.Values[i];
                    else chars += v.Values[i] * v.Values[i];
                }
                Assert.Equal(1.0, words, 5);
                Assert.Equal(1.0, chars, 5);
            }
        }
    }

    [Fact]
    public void Signed_hashing_is_deterministic_and_uses_both_signs()
    {
        var options = new FeaturizerOptions { Weighting = TermWeighting.Tf, SublinearTf = false, Normalize = false };
        var a = new TextFeaturizer(options).Fit(Corpus);
        var b = new TextFeaturizer(options).Fit(["something else entirely"]);
        var text = string.Join(" ", Corpus);
        var v = a.Transform(text);
        AssertSameVector(v, a.Transform(text));
        // Hashing does not depend on the training texts when weighting ignores IDF.
        AssertSameVector(v, b.Transform(text));
        Assert.Equal(2 << 18, a.FeatureCount);
        Assert.Contains(v.Values, x => x < 0);
        Assert.Contains(v.Values, x => x > 0);
        for (int i = 1; i < v.Count; i++) Assert.True(v.Indices[i - 1] < v.Indices[i]);
    }

    [Fact]
    public void Transform_matches_FitTransform_and_TransformAll()
    {
        var many = Enumerable.Range(0, 200).Select(i => $"{Corpus[i % Corpus.Length]} row {i} {(i % 7 == 0 ? "Vučić" : "Kurti")}").ToArray();
        foreach (var options in new[] { new FeaturizerOptions(), Vocabulary(wordNgrams: 3, charMin: 3, charMax: 5) })
        {
            var (fitted, features) = new TextFeaturizer(options).FitTransform(many);
            Assert.Equal(many.Length, features.RowCount);
            Assert.Equal(fitted.FeatureCount, features.ColumnCount);
            var all = fitted.TransformAll(many);
            var again = fitted.TransformAll(many);
            Assert.Equal(all.Indices, again.Indices);
            Assert.Equal(all.Values, again.Values);
            Assert.Equal(all.RowStarts, again.RowStarts);
            for (int i = 0; i < many.Length; i++)
            {
                var single = fitted.Transform(many[i]);
                AssertSameVector(single, features.Row(i));
                AssertSameVector(single, all.Row(i));
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!... -- ,;")]
    [InlineData("«»“”")]
    public void Empty_or_punctuation_only_text_gives_an_empty_vector(string text)
    {
        var fitted = new TextFeaturizer(new FeaturizerOptions()).Fit(Corpus);
        Assert.Equal(0, fitted.Transform(text).Count);
        Assert.Empty(fitted.Terms(text));
        var (_, features) = new TextFeaturizer(new FeaturizerOptions()).FitTransform([text, "kosovo"]);
        Assert.Equal(0, features.Row(0).Indices.Length);
        Assert.NotEqual(0, features.Row(1).Indices.Length);
    }

    [Fact]
    public void WriteTo_ReadFrom_round_trip_gives_identical_vectors()
    {
        foreach (var options in new[] { new FeaturizerOptions { HashBits = 12 }, Vocabulary(wordNgrams: 2, charMin: 2, charMax: 4) with { MinCount = 2 } })
        {
            var fitted = new TextFeaturizer(options).Fit(Corpus);
            using var buffer = new MemoryStream();
            using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) fitted.WriteTo(writer);
            buffer.Position = 0;
            using var reader = new BinaryReader(buffer);
            var loaded = FittedFeaturizer.ReadFrom(reader);
            Assert.Equal(buffer.Length, buffer.Position);
            Assert.Equal(options, loaded.Options);
            Assert.Equal(fitted.FeatureCount, loaded.FeatureCount);
            Assert.Equal(fitted.WordBlockSize, loaded.WordBlockSize);
            foreach (var text in Corpus.Append("unseen words Приштина"))
                AssertSameVector(fitted.Transform(text), loaded.Transform(text));
        }
    }

    [Fact]
    public void Vocabulary_min_count_drops_rare_ngrams()
    {
        string[] docs = ["kosovo serbia", "kosovo talks", "serbia eu kosovo"];
        var options = Vocabulary() with { MinCount = 2 };
        var fitted = new TextFeaturizer(options).Fit(docs);
        Assert.Equal(2, fitted.FeatureCount);
        Assert.Equal(["kosovo", "serbia"], fitted.Terms("talks kosovo eu serbia").Select(t => t.Text).ToArray());
        Assert.Equal(2, fitted.Transform("talks kosovo eu serbia").Count);
        Assert.Equal(0, fitted.Transform("talks eu").Count);
        // Min-count counts documents, not occurrences.
        var repeated = new TextFeaturizer(options).Fit(["eu eu eu", "kosovo"]);
        Assert.Equal(0, repeated.FeatureCount);
        Assert.Equal(0, repeated.Transform("eu kosovo").Count);
    }

    [Fact]
    public void Vocabulary_counts_documents_across_chunks_of_a_large_corpus()
    {
        // Only rows 0 and 4500 say "mitrovica"; they fall in different chunks of the document-frequency pass.
        var texts = Enumerable.Range(0, 5000).Select(i => i is 0 or 4500 ? $"mitrovica bridge {i}" : $"row {i % 50} text").ToArray();
        var (fitted, features) = new TextFeaturizer(Vocabulary() with { MinCount = 2 }).FitTransform(texts);
        Assert.Equal(["mitrovica", "bridge"], fitted.Terms("mitrovica bridge 4500").Select(t => t.Text).ToArray());
        foreach (var i in new[] { 0, 1, 4095, 4096, 4500, 4999 })
            AssertSameVector(fitted.Transform(texts[i]), features.Row(i));
    }

    [Fact]
    public void Concurrent_transforms_by_featurizers_of_different_sizes_match_sequential_ones()
    {
        var small = new TextFeaturizer(Vocabulary(wordNgrams: 2, charMin: 2, charMax: 3)).Fit(Corpus);
        var large = new TextFeaturizer(new FeaturizerOptions()).Fit(Corpus);
        var texts = Enumerable.Range(0, 400).Select(i => $"{Corpus[i % Corpus.Length]} {i}").ToArray();
        var expected = texts.Select(t => (small.Transform(t), large.Transform(t))).ToArray();
        var actual = new (SparseVector, SparseVector)[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            // Alternate the order so each thread's scratch space serves both sizes.
            actual[i] = i % 2 == 0 ? (small.Transform(texts[i]), large.Transform(texts[i])) : Swap(large.Transform(texts[i]), small.Transform(texts[i]));
        });
        for (int i = 0; i < texts.Length; i++)
        {
            AssertSameVector(expected[i].Item1, actual[i].Item1);
            AssertSameVector(expected[i].Item2, actual[i].Item2);
        }
    }

    private static (SparseVector, SparseVector) Swap(SparseVector large, SparseVector small) => (small, large);

    [Fact]
    public void Invalid_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new TextFeaturizer(new FeaturizerOptions { WordNgrams = 4 }));
        Assert.Throws<ArgumentException>(() => new TextFeaturizer(new FeaturizerOptions { CharNgramMin = 5, CharNgramMax = 3 }));
        Assert.Throws<ArgumentException>(() => new TextFeaturizer(new FeaturizerOptions { HashBits = 30 }));
        Assert.Throws<ArgumentException>(() => new TextFeaturizer(new FeaturizerOptions { MinCount = 0 }));
    }
}
