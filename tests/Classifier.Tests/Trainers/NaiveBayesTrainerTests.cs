using Classifier.Engine.Data;
using Classifier.Engine.Models;
using Classifier.Engine.Trainers;

namespace Classifier.Tests.Trainers;

public sealed class NaiveBayesTrainerTests
{
    [Theory]
    [InlineData(NaiveBayesVariant.Multinomial)]
    [InlineData(NaiveBayesVariant.Complement)]
    public void Separates_a_sparse_three_class_problem(NaiveBayesVariant variant)
    {
        var train = SvmNbData.ThreeClass(600, seed: 1);
        var test = SvmNbData.ThreeClass(300, seed: 2);
        var model = new NaiveBayesTrainer(new NaiveBayesOptions { Variant = variant }).Fit(train);
        Assert.IsType<NaiveBayesModel>(model);
        Assert.True(SvmNbData.Accuracy(model, test) >= 0.95);
    }

    [Theory]
    [InlineData(NaiveBayesVariant.Multinomial)]
    [InlineData(NaiveBayesVariant.Complement)]
    public void Probabilities_are_in_the_open_unit_interval_and_sum_to_one(NaiveBayesVariant variant)
    {
        var train = SvmNbData.ThreeClass(300, seed: 3);
        var model = new NaiveBayesTrainer(new NaiveBayesOptions { Variant = variant }).Fit(train);
        SvmNbData.AssertProperProbabilities(model, SvmNbData.ThreeClass(60, seed: 9));
    }

    [Fact]
    public void Same_data_gives_the_same_bytes()
    {
        var train = SvmNbData.ThreeClass(200, seed: 4);
        Assert.Equal(SvmNbData.Serialize(new NaiveBayesTrainer(new NaiveBayesOptions()).Fit(train)),
                     SvmNbData.Serialize(new NaiveBayesTrainer(new NaiveBayesOptions()).Fit(train)));
    }

    /// <summary>
    /// Documents d1 = (2,1,0) and d3 = (1,0,1) in class 0, d2 = (0,1,3) in class 1, α = 1, n = 3 features.
    /// Class 0 counts (3,1,1), total 5, denominator 5 + 3 = 8: θ₀ = (4/8, 2/8, 2/8).
    /// Class 1 counts (0,1,3), total 4, denominator 7: θ₁ = (1/7, 2/7, 4/7). Priors 2/3, 1/3.
    /// Complement of class 0 is class 1's counts and vice versa.
    /// </summary>
    [Fact]
    public void Log_probabilities_equal_the_hand_computed_counts()
    {
        var data = new TrainingSet(SparseMatrix.FromDense([[2, 1, 0], [0, 1, 3], [1, 0, 1]]), [0, 1, 0], 2);
        var m = (NaiveBayesModel)new NaiveBayesTrainer(new NaiveBayesOptions { Alpha = 1, Variant = NaiveBayesVariant.Multinomial }).Fit(data);
        double[][] theta = [[4 / 8.0, 2 / 8.0, 2 / 8.0], [1 / 7.0, 2 / 7.0, 4 / 7.0]];
        for (int c = 0; c < 2; c++)
            for (int j = 0; j < 3; j++) Assert.Equal(Math.Log(theta[c][j]), m.Weight(c, j), 1e-6);
        Assert.Equal(Math.Log(2 / 3.0), m.Prior(0), 1e-6);
        Assert.Equal(Math.Log(1 / 3.0), m.Prior(1), 1e-6);

        // Posterior of (1, 0, 2): Bayes' rule by hand.
        double s0 = 2 / 3.0 * (4 / 8.0) * Math.Pow(2 / 8.0, 2);
        double s1 = 1 / 3.0 * (1 / 7.0) * Math.Pow(4 / 7.0, 2);
        var p = new float[2];
        m.PredictProbabilities(new SparseVector([0, 2], [1, 2]).AsRow(), p);
        Assert.Equal(s0 / (s0 + s1), p[0], 1e-5);

        var cnb = (NaiveBayesModel)new NaiveBayesTrainer(new NaiveBayesOptions { Alpha = 1, Variant = NaiveBayesVariant.Complement }).Fit(data);
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(-Math.Log(theta[1][j]), cnb.Weight(0, j), 1e-6);
            Assert.Equal(-Math.Log(theta[0][j]), cnb.Weight(1, j), 1e-6);
        }
        Assert.Equal(0f, cnb.Prior(0));
    }

    [Theory]
    [InlineData(NaiveBayesVariant.Multinomial)]
    [InlineData(NaiveBayesVariant.Complement)]
    public void Unused_hash_buckets_do_not_change_the_smoothing(NaiveBayesVariant variant)
    {
        var narrow = new TrainingSet(SparseMatrix.FromDense([[2, 1, 0], [0, 1, 3], [1, 0, 1]]), [0, 1, 0], 2);
        var wide = new TrainingSet(new SparseMatrix(1000, narrow.Features.RowStarts, narrow.Features.Indices, narrow.Features.Values), narrow.Labels, 2);
        var trainer = new NaiveBayesTrainer(new NaiveBayesOptions { Variant = variant });
        var a = (NaiveBayesModel)trainer.Fit(narrow);
        var b = (NaiveBayesModel)trainer.Fit(wide);
        for (int c = 0; c < 2; c++)
        {
            Assert.Equal(a.Prior(c), b.Prior(c));
            for (int j = 0; j < 3; j++) Assert.Equal(a.Weight(c, j), b.Weight(c, j));
        }
    }

    [Fact]
    public void Negative_values_from_signed_hashing_count_by_magnitude()
    {
        var plain = new TrainingSet(SparseMatrix.FromDense([[2, 1, 0], [0, 1, 3], [1, 0, 1]]), [0, 1, 0], 2);
        var signed = new TrainingSet(SparseMatrix.FromDense([[-2, 1, 0], [0, -1, 3], [1, 0, -1]]), [0, 1, 0], 2);
        var trainer = new NaiveBayesTrainer(new NaiveBayesOptions());
        Assert.Equal(SvmNbData.Serialize(trainer.Fit(plain)), SvmNbData.Serialize(trainer.Fit(signed)));
    }

    [Theory]
    [InlineData(NaiveBayesVariant.Multinomial)]
    [InlineData(NaiveBayesVariant.Complement)]
    public void Example_weight_two_equals_a_duplicated_row(NaiveBayesVariant variant)
    {
        var train = SvmNbData.ThreeClass(90, seed: 6);
        var weights = new float[train.RowCount];
        var duplicated = new List<int>();
        for (int i = 0; i < train.RowCount; i++)
        {
            weights[i] = i % 4 == 0 ? 2f : 1f;
            duplicated.Add(i);
            if (i % 4 == 0) duplicated.Add(i);
        }
        var trainer = new NaiveBayesTrainer(new NaiveBayesOptions { Variant = variant, Alpha = 0.5f });
        Assert.Equal(SvmNbData.Serialize(trainer.Fit(train.SelectRows([.. duplicated]))),
                     SvmNbData.Serialize(trainer.Fit(train with { Weights = weights })));
    }

    [Fact]
    public void An_absent_class_keeps_a_small_positive_probability()
    {
        var data = new TrainingSet(SparseMatrix.FromDense([[2, 1, 0], [0, 1, 3]]), [0, 1], 3);
        var m = new NaiveBayesTrainer(new NaiveBayesOptions { Variant = NaiveBayesVariant.Multinomial }).Fit(data);
        var p = new float[3];
        m.PredictProbabilities(new SparseVector([0], [1]).AsRow(), p);
        Assert.True(p[2] > 0f && p[2] < p[0]);
    }

    [Theory]
    [InlineData(NaiveBayesVariant.Multinomial)]
    [InlineData(NaiveBayesVariant.Complement)]
    public void Zero_smoothing_still_gives_finite_probabilities(NaiveBayesVariant variant)
    {
        var data = new TrainingSet(SparseMatrix.FromDense([[2, 1, 0], [0, 1, 3], [1, 0, 1]]), [0, 1, 0], 2);
        var m = new NaiveBayesTrainer(new NaiveBayesOptions { Alpha = 0, Variant = variant }).Fit(data);
        var p = new float[2];
        m.PredictProbabilities(new SparseVector([0, 2], [1, 1]).AsRow(), p);
        Assert.All(p, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(1.0, p[0] + p[1], 5);
    }
}
