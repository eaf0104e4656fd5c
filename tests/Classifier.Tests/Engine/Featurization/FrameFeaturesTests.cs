using Classifier.Engine.Featurization;
using Classifier.Tests.Labelling;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.Engine.Featurization;

/// <summary>The frame block: lexicon phrases replaced by their class, and the n-grams that involve a class.</summary>
public sealed class FrameFeaturesTests
{
    private const string Lexicon = """
        { "classes": {
            "@kosovo": ["kurti", "kosovo police", "pristina"],
            "@serbia": ["vucic", "belgrade"],
            "@third": ["eu", "u s", "united states"],
            "@urge": ["urg*", "called on"],
            "@stop": ["halt"],
            "@harm": ["provocat*", "not provocat*"]
        } }
        """;

    private static List<string> Terms(string text) => [.. new FrameFeatures(Lexicon).Terms(text)];

    [Fact]
    public void Phrases_become_their_class_so_the_same_role_is_the_same_feature_for_different_names()
    {
        var kurti = Terms("The EU urged Kurti to halt the raids.");
        var police = Terms("The EU urged the Kosovo police to halt the raids.");
        Assert.Contains("@third>@urge>@kosovo", kurti);
        Assert.Contains("@third>@urge>@kosovo", police);
        Assert.Contains("@urge>@kosovo>@stop", kurti);
        Assert.Contains("@urge @kosovo", kurti);
        Assert.Contains("narrator:@kosovo", kurti);
        // Words that are no class stay words, but only n-grams touching a class are kept.
        Assert.Contains("@stop the raids", kurti);
        Assert.DoesNotContain("the raids", kurti);
        Assert.DoesNotContain(kurti, t => t.Contains("kurti", StringComparison.Ordinal));
    }

    [Fact]
    public void Matching_is_on_normalised_tokens_longest_phrase_first_with_prefixes()
    {
        // Diacritics and Cyrillic fold as in the featurizer: Вучић and Vučić are both "vucic".
        Assert.Contains("@serbia", Terms("Вучић spoke."));
        Assert.Contains("@serbia", Terms("Vučić spoke."));
        // "not provocat*" is longer than "provocat*": one @harm, from the two-word phrase, and no stray "not".
        var negated = Terms("It was not provocative, Vucic said.");
        Assert.Single(negated, t => t == "@harm");
        Assert.DoesNotContain(negated, t => t.StartsWith("not ", StringComparison.Ordinal));
        // "U.S." is tokenised as "u s", matched as one phrase, and its full stops do not end the sentence.
        var us = Terms("The U.S. urged Belgrade to halt.");
        Assert.Contains("@third>@urge>@serbia", us);
        // A prefix must be a prefix: "surge" is not "urg*".
        Assert.DoesNotContain("@urge", Terms("A surge in trade."));
    }

    [Fact]
    public void Class_sequences_stop_at_a_sentence_end_and_voice_marks_quoted_classes()
    {
        var terms = Terms("Vucic spoke. Kurti answered.");
        Assert.DoesNotContain("@serbia>@kosovo", terms);
        var quoted = Terms("Vucic said “Pristina is the provocation”.");
        Assert.Contains("quote:@kosovo", quoted);
        Assert.Contains("narrator:@serbia", quoted);
        Assert.Contains("@serbia>@kosovo>@harm", quoted);
    }

    [Fact]
    public void The_block_is_unit_length_with_stable_buckets_and_empty_without_phrases()
    {
        var frames = new FrameFeatures(Lexicon);
        var (indices, values) = frames.Compute("The EU urged Kurti to halt. The EU urged Kurti again.");
        Assert.True(indices.Length > 3);
        Assert.Equal(indices.Order(), indices);
        Assert.All(indices, i => Assert.InRange(i, 0, FrameFeatures.Size - 1));
        Assert.Equal(1.0, values.Sum(v => (double)v * v), 5);
        // Repeats count as 1 + ln(count): "@third" twice weighs more than "@stop" once.
        float Of(string term) => values[Array.IndexOf(indices, FrameFeatures.Bucket(term))];
        Assert.True(Of("@third") > Of("@stop"));
        // FNV-1a, not string.GetHashCode: the same bucket in every process (a saved model depends on it).
        Assert.Equal(FrameFeatures.Bucket("@kosovo"), FrameFeatures.Bucket("@kosovo"));
        Assert.Equal(37940, FrameFeatures.Bucket("@kosovo"));
        Assert.Empty(frames.Compute("The weather was fine.").Indices);
    }

    [Fact]
    public void The_featurizer_appends_the_block_names_its_terms_and_keeps_the_lexicon_in_the_model()
    {
        string[] corpus = ["The EU urged Kurti to halt.", "Vucic met the envoy.", "The weather was fine."];
        var fitted = new TextFeaturizer(new FeaturizerOptions { HashBits = 10, Frames = Lexicon }).Fit(corpus);
        Assert.Equal((2 << 10) + FrameFeatures.Size, fitted.FeatureCount);
        Assert.Equal(2 << 10, fitted.FrameBlockStart);
        var terms = fitted.Terms(corpus[0]).Where(t => t.Kind == TermKind.Frame).ToList();
        Assert.Contains(terms, t => t.Text == "frame:@third>@urge>@kosovo");
        Assert.All(terms, t => Assert.InRange(t.Feature, fitted.FrameBlockStart, fitted.FeatureCount - 1));
        var v = fitted.Transform(corpus[0]);
        Assert.Contains(v.Indices, i => i >= fitted.FrameBlockStart);
        Assert.DoesNotContain(fitted.Transform(corpus[2]).Indices, i => i >= fitted.FrameBlockStart);
        // Explanations see the same frame features the vector has.
        var (vectors, explained) = fitted.TransformArticleWithTerms([corpus[0]]);
        Assert.Equal(v.Indices, vectors[0].Indices);
        Assert.Contains(explained[0], t => t.Kind == TermKind.Frame && t.Text == "frame:@urge @kosovo");
        var loaded = FramingFeaturesTests.Roundtrip(fitted);
        Assert.Equal(v.Indices, loaded.Transform(corpus[0]).Indices);
        Assert.Equal(v.Values, loaded.Transform(corpus[0]).Values);
    }

    [Theory]
    [InlineData("{ \"classes\": { \"@a\": [\"x\"] ", "not valid JSON")]
    [InlineData("{ \"words\": [] }", "expected an object with \"classes\"")]
    [InlineData("{ \"classes\": { \"side\": [\"x\"] } }", "class name 'side' must start with '@'")]
    [InlineData("{ \"classes\": { \"@a\": \"x\" } }", "class '@a' must be a list")]
    [InlineData("{ \"classes\": { \"@a\": [\"x\", 3] } }", "not a string")]
    [InlineData("{ \"classes\": { \"@a\": [\"...\"] } }", "empty phrase")]
    [InlineData("{ \"classes\": { \"@a\": [\"ur*ge\"] } }", "'*' may only end a word")]
    [InlineData("{ \"classes\": { \"@a\": [\"*\"] } }", "'*' may only end a word")]
    [InlineData("{ \"classes\": { } }", "no phrases")]
    public void A_bad_lexicon_is_refused_naming_the_file_and_what_is_wrong(string json, string message)
    {
        using var dir = new TempDir();
        var path = dir.Write("frames.json", json);
        var ex = Assert.Throws<InputException>(() => FrameFeatures.Load(path));
        Assert.Contains(message, ex.Message);
        Assert.Equal(path, ex.File);
    }

    [Fact]
    public void The_repository_lexicon_loads_and_names_both_sides()
    {
        var json = FrameFeatures.Load(Path.Combine(Repo.Root, "data", "frames.json"));
        var frames = new FrameFeatures(json);
        Assert.Contains("@kosovo", frames.Classes);
        Assert.Contains("@serbia", frames.Classes);
        Assert.Contains("@serbia>@accuse>@kosovo", frames.Terms("Serbian President Aleksandar Vučić accused Priština of provocations."));
    }
}
