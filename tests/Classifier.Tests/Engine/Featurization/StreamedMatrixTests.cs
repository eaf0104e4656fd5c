using Classifier.Engine.Featurization;

namespace Classifier.Tests.Engine.Featurization;

/// <summary>
/// FitTransform builds the training matrix a chunk of texts at a time into one pair of arrays; each of its rows must
/// still be exactly the vector the fitted featurizer gives that text alone, across chunk boundaries and when later
/// texts are denser than the first chunk suggested (so the arrays grow).
/// </summary>
public class StreamedMatrixTests
{
    private static string[] Corpus()
    {
        var random = new Random(5);
        var words = new string[300];
        for (int i = 0; i < words.Length; i++) words[i] = $"w{i}x{random.Next(1000)}";
        // One word repeated first, then varied words: the first chunk underestimates the non-zeros per character.
        var texts = new string[5000];
        for (int i = 0; i < texts.Length; i++)
        {
            int length = 5 + random.Next(40);
            var parts = new string[length];
            string repeated = words[random.Next(words.Length)];
            for (int j = 0; j < length; j++) parts[j] = i < 2500 ? repeated : words[random.Next(words.Length)];
            texts[i] = i % 97 == 0 ? "" : string.Join(' ', parts);
        }
        return texts;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_row_equals_the_fitted_transform_of_its_text(bool vocabulary)
    {
        var texts = Corpus();
        var (fitted, matrix) = new TextFeaturizer(new FeaturizerOptions { LearnVocabulary = vocabulary, HashBits = 12 }).FitTransform(texts);
        Assert.Equal(texts.Length, matrix.RowCount);
        Assert.Equal(fitted.FeatureCount, matrix.ColumnCount);
        long nonZeros = 0;
        for (int i = 0; i < texts.Length; i++)
        {
            var expected = fitted.Transform(texts[i]);
            var row = matrix.Row(i);
            Assert.Equal(expected.Indices, row.Indices.ToArray());
            // Bit for bit: the streamed build weighs the same counts in the same order, then stores each value as the
            // 16-bit float nearest to it.
            Assert.Equal(Array.ConvertAll(expected.Values, v => BitConverter.SingleToInt32Bits((float)(Half)v)), Array.ConvertAll(row.Values.ToArray(), BitConverter.SingleToInt32Bits));
            nonZeros += expected.Count;
        }
        Assert.Equal(nonZeros, matrix.NonZeroCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Releasing_the_texts_gives_the_same_matrix_and_leaves_none_behind(bool vocabulary)
    {
        var texts = Corpus();
        var options = new FeaturizerOptions { LearnVocabulary = vocabulary, HashBits = 12 };
        var (_, expected) = new TextFeaturizer(options).FitTransform(texts);
        var owned = (string?[])texts.Clone();
        var (fitted, matrix) = new TextFeaturizer(options).FitTransformReleasing(owned);
        Assert.All(owned, Assert.Null);
        Assert.Equal(expected.RowStarts, matrix.RowStarts);
        Assert.Equal(expected.Indices.AsSpan(0, (int)expected.NonZeroCount).ToArray(), matrix.Indices.AsSpan(0, (int)matrix.NonZeroCount).ToArray());
        Assert.Equal(expected.Values.AsSpan(0, (int)expected.NonZeroCount).ToArray(), matrix.Values.AsSpan(0, (int)matrix.NonZeroCount).ToArray());
        Assert.Equal(fitted.Transform(texts[3]).Indices, new TextFeaturizer(options).Fit(texts).Transform(texts[3]).Indices);
    }

    [Fact]
    public void An_empty_corpus_gives_an_empty_matrix()
    {
        var (_, matrix) = new TextFeaturizer(new FeaturizerOptions { HashBits = 8 }).FitTransform([]);
        Assert.Equal(0, matrix.RowCount);
        Assert.Equal(0, matrix.NonZeroCount);
    }
}
