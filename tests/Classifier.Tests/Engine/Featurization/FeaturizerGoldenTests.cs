using System.Security.Cryptography;
using System.Text;
using Classifier.Engine.Data;
using Classifier.Engine.Featurization;
using Classifier.Tests.Ingestion;
using Classifier.Text.Datasets;

namespace Classifier.Tests.Engine.Featurization;

/// <summary>
/// Pins the featurizer's output bit for bit (indices and float bits of every vector, and the terms of every text), so
/// speed work on hashing, counting and weighting cannot change a single feature. The corpus is the seed articles'
/// paragraphs, data/labels.csv's texts and strings chosen to stress normalisation and tokenisation.
/// </summary>
/// <remarks>
/// The expected digests were computed by the featurizer of commit 37ed528; the FitTransform (training matrix) digests
/// were regenerated once when the matrix began storing its values as 16-bit floats (each row is the Half narrowing of
/// the unchanged Transform vector: <see cref="StreamedMatrixTests"/> checks that row by row). Regenerate them ONLY when a change to the
/// features is intended (and models trained before it are knowingly invalidated): set the expected value to "" and
/// copy the actual digest from the failure message.
/// </remarks>
public class FeaturizerGoldenTests
{
    private static readonly string[] Tricky =
    [
        "",
        " ",
        "\t\n \u00A0\u200B\uFEFF ",
        "Вучић и Курти: „Косово је Србија“ — рекао је председник.",
        "Ђорђе Čačak ćevapi Šabac Žabljak đak DŽ dž Lj nj Ǆ",
        "Prištinë Priš\u00ADtina Vuc\u030Cic\u0301 Ærø Œuvre straße İstanbul ı",
        "Emoji 😀🇷🇸🇽🇰 👍🏽 family 👨‍👩‍👧 and lone \uD83D halves \uDE00 too 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "\"straight\" 'single' “curly” ‘curly’ „low“ ‚low‘ «guillemets» ‹single› ″double prime″ `back` ＂full＂ ＇full＇",
        "He said \"they are 'separatists' and «terrorists»\" before leaving; «Ne», rekao je, „nikada“.",
        new string('a', 600) + " " + string.Concat(Enumerable.Repeat("Pneumonoultramicroscopicsilicovolcanoconiosis", 12)),
        "a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9",
        "…—–‐-‒―−ǅ ǈ ǋ ǲ 12,5% 3.14 2026-11-23 U.S. e-mail O'Neill",
        "日本語のテキスト 中文文本 한국어 텍스트 العربية עברית ελληνικά",
        "word word word word word word WORD Word wOrD",
    ];

    private static readonly Lazy<string[]> CorpusTexts = new(BuildCorpus);

    private static string[] BuildCorpus()
    {
        var texts = new List<string>();
        foreach (var file in Directory.GetFiles(IngestionRepo.Seeds, "*.txt").Order(StringComparer.Ordinal))
            foreach (var line in File.ReadAllLines(file))
                if (line.Length > 0) texts.Add(line);
        var labels = LabelledCsvReader.Read(Path.Combine(IngestionRepo.Root, "data", "labels.csv"),
            new LabelledCsvOptions(["text"], ["stance", "topic"]));
        texts.AddRange(labels.Texts);
        texts.AddRange(Tricky);
        return [.. texts];
    }

    public static TheoryData<string> Configurations => [.. Options.Keys];

    private static readonly Dictionary<string, FeaturizerOptions> Options = new()
    {
        ["default"] = new(),
        ["voice"] = new() { VoiceNgrams = true },
        ["voice-words3-chars1to6"] = new() { VoiceNgrams = true, WordNgrams = 3, CharNgramMin = 1, CharNgramMax = 6 },
        ["vocabulary"] = new() { LearnVocabulary = true },
        ["vocabulary-min1-words3-chars3to5"] = new() { LearnVocabulary = true, MinCount = 1, WordNgrams = 3, CharNgramMin = 3, CharNgramMax = 5 },
        ["words1-chars1to8-bits10"] = new() { WordNgrams = 1, CharNgramMin = 1, CharNgramMax = 8, HashBits = 10 },
        ["words3-nochars"] = new() { WordNgrams = 3, CharNgramMin = 0 },
        ["tf-raw-unnormalized"] = new() { Weighting = TermWeighting.Tf, SublinearTf = false, Normalize = false },
        ["idf-bits4"] = new() { Weighting = TermWeighting.Idf, HashBits = 4 },
    };

    private static readonly Dictionary<string, (string Fit, string Transform, string Terms)> Expected = new()
    {
        ["default"] = (
            "c18b61881b5feaadee931d46d855aad20ba9bfc1ddc361143199a40883bf8141",
            "bcc66a1ebb2c10094703701b460c9da6c3716676d94e5ab51e93960d9fb28b2b",
            "7b5199cd6363adc4aa06bed505dea5a80b91035ffea47e4603954e2f85e1eebc"),
        ["voice"] = (
            "8c10e7101366e974fe70d227530a24d99a90cea6f643d8b697b1ede1cb06d94c",
            "cda3ec84dc35529c16177c4dcb6c38fe73b0574bc5d048b8a5873ce31fe436f8",
            "2340008e86de347df1ac699b85c4fd87645fd7c9b9d718cd68ec7c940168c4e1"),
        ["voice-words3-chars1to6"] = (
            "2da1e514d3ee5a14589ffac3345a189b4493b984472f6bd3effff61122d8ff67",
            "40e990c0eb19a741c7d2d96aefbd9f0afb279ca88299539bade1c47c0fdb7604",
            "297739aad91ba5c29b07e43a36d23adef825200f4c718ded711147d9017d1069"),
        ["vocabulary"] = (
            "d53e1053d11c0129a7fc87a23a60ac84cec71eaf84c1fdc18d99705f10c82bcd",
            "e53d6ac3f77854e93d6255ca819552bd9189a74ba66bdcae155a378d15e38c73",
            "b26667badca451e93ff4305a3adbef8f6855ab5a90a309786c461740361e7939"),
        ["vocabulary-min1-words3-chars3to5"] = (
            "8c48948862aaacc95df188914d00d22b843b85584775f4b5beab0642fd7067ec",
            "36038342f9e0469ac29e50e4afaf7e921c434a1c4a338ef3bef46e1f10af6faa",
            "ce04e1361569c6237326d067d99a1caeae89d4dcc7aa15928f35c863baf17115"),
        ["words1-chars1to8-bits10"] = (
            "9781daec123c2b633575b738020d96bf3fe9cd7cad5a5787f32a2eb83bf1ea98",
            "b85c6dff3acf5b088dc1f939f7c6612f92fe1afd056e8255cb3b636f5d13418c",
            "4c4592a388592c93136cf6d74c6893037058a8369689a97c7aa2d6194793937b"),
        ["words3-nochars"] = (
            "416a22783f459c54c37646cb1dfa21977a98fdf43c1fa06c7f2e2fcf047448f3",
            "78bb28072f6b47a22bdb6b3e9ee9e08beef548f3c7eb6236016ff68975bd2988",
            "674a22a6cf1d070f67eda6f0e29ec7836dc2b91fef03802a770d97cfc4b7db8e"),
        ["tf-raw-unnormalized"] = (
            "faab6fbd7b25c3779d512e585d7e8d462e8b653f860ad8426a2c354762492f5e",
            "11367efe1866c4f20ea6f1e108fc53cf35453e1ef6c4be61206640cbaf8a2356",
            "a1bc8afc6ec0766eff1ebebb752e203eec2ff36389ef2b6d54407fd0f8dbdc38"),
        ["idf-bits4"] = (
            "19781f70d030139e90b233598c3e3c4244becc25408a1e0faf0478b0807d68b4",
            "6e57c016b7131a98f3627165e46f45758b868e162fc1ef875347da5cba8abad5",
            "6df6d6725f577461fff4aacf05a8fdd6edb09019c97ee9c4f284813408e77186"),
    };

    private static readonly Dictionary<string, string> ExpectedHashes = new()
    {
        ["default"] = "bdb00faf7aa2d86f3bfaeb532feb1439625689e45f873a737f2579d604c8e83a",
        ["voice"] = "b74f089aa762867fca5b75acae5d492cc8209fbbcb503abefb0373eacf19f3bd",
        ["voice-words3-chars1to6"] = "1634c52caf12aa46e2b3cd50ee390b59d1d5ffee6723c1c858f7ea75bc71a4e6",
        ["vocabulary"] = "bdb00faf7aa2d86f3bfaeb532feb1439625689e45f873a737f2579d604c8e83a",
        ["vocabulary-min1-words3-chars3to5"] = "e2cd75c5a1666dc1823ad73111d8b3d108e82b9806b8860c992f453b398f8249",
        ["words1-chars1to8-bits10"] = "cf85c448e09c5d8e4632709034c17a06d0d63066b8388f2ef81b5af75f065705",
        ["words3-nochars"] = "f6974dbb14674e83a04ddd621d0bf07cbc1dec4f27898c9be2db94f2c6f042c3",
        ["tf-raw-unnormalized"] = "bdb00faf7aa2d86f3bfaeb532feb1439625689e45f873a737f2579d604c8e83a",
        ["idf-bits4"] = "bdb00faf7aa2d86f3bfaeb532feb1439625689e45f873a737f2579d604c8e83a",
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void FitTransform_matrix_is_bit_identical(string configuration)
    {
        var (_, matrix) = new TextFeaturizer(Options[configuration]).FitTransform(CorpusTexts.Value);
        AssertDigest(Expected[configuration].Fit, Digest(matrix), configuration);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Transform_vectors_are_bit_identical(string configuration)
    {
        var fitted = new TextFeaturizer(Options[configuration]).Fit(CorpusTexts.Value);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var text in CorpusTexts.Value) Add(sha, fitted.Transform(text));
        foreach (var v in fitted.TransformArticle(CorpusTexts.Value)) Add(sha, v);
        AssertDigest(Expected[configuration].Transform, Convert.ToHexStringLower(sha.GetHashAndReset()), configuration);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Terms_are_identical(string configuration)
    {
        var fitted = new TextFeaturizer(Options[configuration]).Fit(CorpusTexts.Value);
        var sb = new StringBuilder();
        foreach (var text in CorpusTexts.Value)
        {
            foreach (var term in fitted.Terms(text)) sb.Append(term.Feature).Append('\t').Append(term.Kind).Append('\t').Append(term.Text).Append('\n');
            sb.Append("--\n");
        }
        var (vectors, terms) = fitted.TransformArticleWithTerms(CorpusTexts.Value);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(sb.ToString()));
        for (int i = 0; i < vectors.Length; i++)
        {
            Add(sha, vectors[i]);
            foreach (var term in terms[i]) sha.AppendData(Encoding.UTF8.GetBytes($"{term.Feature}\t{term.Kind}\t{term.Text}\n"));
        }
        AssertDigest(Expected[configuration].Terms, Convert.ToHexStringLower(sha.GetHashAndReset()), configuration);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Ngram_hashes_are_identical(string configuration)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> word = stackalloc byte[8];
        foreach (var text in CorpusTexts.Value)
        {
            var list = NgramExtractor.Extract(text, Options[configuration] with { LearnVocabulary = false });
            BitConverter.TryWriteBytes(word, ((long)list.CharStart << 32) | (uint)list.VoiceStart);
            sha.AppendData(word);
            foreach (var h in list.Hashes) { BitConverter.TryWriteBytes(word, h); sha.AppendData(word); }
        }
        AssertDigest(ExpectedHashes[configuration], Convert.ToHexStringLower(sha.GetHashAndReset()), configuration);
    }

    // The whole digest in the message (Assert.Equal truncates strings), so regenerating means copying it from there.
    private static void AssertDigest(string expected, string actual, string configuration) =>
        Assert.True(expected == actual, $"DIGEST {configuration} expected {expected} actual {actual}");

    private static string Digest(SparseMatrix matrix)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (int r = 0; r < matrix.RowCount; r++)
        {
            var row = matrix.Row(r);
            Add(sha, row.Indices, row.Values);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void Add(IncrementalHash sha, SparseVector v) => Add(sha, v.Indices, v.Values);

    // The row length first, so rows that only split differently still differ; floats as their raw bits.
    private static void Add(IncrementalHash sha, ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        Span<byte> word = stackalloc byte[4];
        BitConverter.TryWriteBytes(word, indices.Length);
        sha.AppendData(word);
        foreach (int f in indices) { BitConverter.TryWriteBytes(word, f); sha.AppendData(word); }
        foreach (float x in values) { BitConverter.TryWriteBytes(word, BitConverter.SingleToInt32Bits(x)); sha.AppendData(word); }
    }
}
