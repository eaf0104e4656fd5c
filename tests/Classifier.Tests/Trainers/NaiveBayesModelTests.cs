using Classifier.Engine.Data;
using Classifier.Engine.Models;
using Classifier.Engine.Persistence;
using Classifier.Engine.Trainers;

namespace Classifier.Tests.Trainers;

public sealed class NaiveBayesModelTests
{
    private static NaiveBayesModel Trained(NaiveBayesVariant variant = NaiveBayesVariant.Multinomial) =>
        (NaiveBayesModel)new NaiveBayesTrainer(new NaiveBayesOptions { Variant = variant }).Fit(SvmNbData.ThreeClass(120, seed: 5));

    [Theory]
    [InlineData(NaiveBayesVariant.Multinomial)]
    [InlineData(NaiveBayesVariant.Complement)]
    public void Round_trips_through_its_reader(NaiveBayesVariant variant)
    {
        var model = Trained(variant);
        var bytes = SvmNbData.Serialize(model);
        Assert.True(ModelReaders.TryGet("naive-bayes", out var read));
        using var reader = new BinaryReader(new MemoryStream(bytes));
        var back = Assert.IsType<NaiveBayesModel>(read(reader));
        Assert.Equal(bytes, SvmNbData.Serialize(back));
        Assert.Equal(variant, back.Variant);
        var test = SvmNbData.ThreeClass(30, seed: 8);
        float[] p = new float[3], q = new float[3];
        for (int i = 0; i < test.RowCount; i++)
        {
            model.PredictProbabilities(test.Features.Row(i), p);
            back.PredictProbabilities(test.Features.Row(i), q);
            Assert.Equal(p, q);
        }
    }

    [Fact]
    public void Every_truncation_is_rejected()
    {
        var bytes = SvmNbData.Serialize(Trained());
        for (int length = 0; length < bytes.Length; length += length < 64 ? 1 : 97)
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, length));
            var error = Record.Exception(() => NaiveBayesModel.ReadFrom(reader));
            Assert.True(error is InvalidDataException or EndOfStreamException, $"length {length}: {error?.GetType().Name ?? "no error"}");
        }
    }

    [Fact]
    public void A_declared_size_that_disagrees_with_the_header_is_rejected()
    {
        var bytes = SvmNbData.Serialize(Trained());
        BitConverter.GetBytes(SvmNbData.Features + 1).CopyTo(bytes, 0); // header claims one more feature than the weights hold
        using var reader = new BinaryReader(new MemoryStream(bytes));
        Assert.Throws<InvalidDataException>(() => NaiveBayesModel.ReadFrom(reader));
    }

    [Fact]
    public void Contributions_are_centred_per_feature_and_explain_score_differences()
    {
        var model = Trained();
        for (int j = 0; j < SvmNbData.Features; j += 7)
        {
            double sum = 0;
            for (int c = 0; c < 3; c++) sum += model.CentredWeight(c, j);
            Assert.Equal(0.0, sum, 1e-4);
        }
        var row = new SparseVector([3, 160, 220], [2f, -1f, 0.5f]);
        var scores = new float[3];
        model.Scores(row.AsRow(), scores);
        for (int c = 1; c < 3; c++)
        {
            double explained = model.Prior(c) - model.Prior(0);
            for (int t = 0; t < row.Count; t++)
                explained += Math.Abs(row.Values[t]) * (model.CentredWeight(c, row.Indices[t]) - model.CentredWeight(0, row.Indices[t]));
            Assert.Equal(scores[c] - scores[0], explained, 1e-4);
        }
    }

    [Fact]
    public void Features_beyond_the_model_are_ignored()
    {
        var model = Trained();
        float[] p = new float[3], q = new float[3];
        model.PredictProbabilities(new SparseVector([3, 160], [1f, 1f]).AsRow(), p);
        model.PredictProbabilities(new SparseVector([3, 160, SvmNbData.Features + 5], [1f, 1f, 9f]).AsRow(), q);
        Assert.Equal(p, q);
    }
}
