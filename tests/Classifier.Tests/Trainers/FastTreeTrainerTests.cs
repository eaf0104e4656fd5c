using Classifier.Engine.Data;
using Classifier.Engine.Models;
using Classifier.Engine.Persistence;
using Classifier.Engine.Trainers;

namespace Classifier.Tests.Trainers;

public class FastTreeTrainerTests
{
    private static float Accuracy(IMulticlassModel model, TrainingSet data)
    {
        var p = new float[data.ClassCount];
        int correct = 0;
        for (int i = 0; i < data.RowCount; i++)
        {
            model.PredictProbabilities(data.Features.Row(i), p);
            int best = 0;
            for (int c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
            if (best == data.Labels[i]) correct++;
        }
        return (float)correct / data.RowCount;
    }

    [Theory]
    [InlineData(FastTreeObjective.OneVersusAll)]
    [InlineData(FastTreeObjective.Softmax)]
    public void Separates_a_sparse_three_class_problem(FastTreeObjective objective)
    {
        var train = FastTreeTestData.Topical(600, 3, seed: 1);
        var test = FastTreeTestData.Topical(300, 3, seed: 2);
        var model = new FastTreeTrainer(new FastTreeOptions { Objective = objective, NumberOfTrees = 30 }).Fit(train);
        Assert.Equal("tree-ensemble", model.Kind);
        Assert.True(Accuracy(model, test) >= 0.95f, $"accuracy {Accuracy(model, test)}");
    }

    [Theory]
    [InlineData(FastTreeObjective.OneVersusAll)]
    [InlineData(FastTreeObjective.Softmax)]
    public void Fits_xor_which_no_linear_model_can(FastTreeObjective objective)
    {
        var train = FastTreeTestData.Xor(400, seed: 3);
        var model = new FastTreeTrainer(new FastTreeOptions { Objective = objective, NumberOfTrees = 40, NumberOfLeaves = 8 }).Fit(train);
        Assert.Equal(1f, Accuracy(model, train));
        var p = new float[2];
        model.PredictProbabilities(FastTreeTestData.Row((0, 1f), (1, 1f)).AsRow(), p);
        Assert.True(p[0] > 0.9f, $"p = {p[0]}");
        model.PredictProbabilities(FastTreeTestData.Row((1, 1f)).AsRow(), p);
        Assert.True(p[1] > 0.9f, $"p = {p[1]}");
    }

    [Fact]
    public void Single_tree_has_the_exact_split_and_newton_leaf_values()
    {
        // x = 1..20, class 1 iff x > 12: prior 0.4, so g = 0.4 - y and h = 0.24 for every row of class 1's booster.
        var rows = new List<SparseVector>();
        var labels = new int[20];
        for (int i = 1; i <= 20; i++)
        {
            rows.Add(FastTreeTestData.Row((0, i)));
            labels[i - 1] = i > 12 ? 1 : 0;
        }
        var data = new TrainingSet(SparseMatrix.FromRows(1, rows), labels, 2);
        var model = (TreeEnsembleModel)new FastTreeTrainer(new FastTreeOptions
        {
            NumberOfTrees = 1, NumberOfLeaves = 2, MinimumExampleCountPerLeaf = 1, LearningRate = 0.5f,
            Objective = FastTreeObjective.OneVersusAll,
        }).Fit(data);
        Assert.Equal(2, model.TreeCount);
        float bias = MathF.Log(0.4f / 0.6f);
        var s = new float[2];
        model.Scores(FastTreeTestData.Row((0, 12.49f)).AsRow(), s);
        // Left leaf: 12 rows with G = 12·0.4, H = 12·0.24 → −0.5·4.8/2.88.
        Assert.Equal(bias - 0.5f * 4.8f / 2.88f, s[1], 4);
        model.Scores(FastTreeTestData.Row((0, 12.51f)).AsRow(), s);
        // Right leaf: 8 rows with G = 8·(−0.6), H = 8·0.24 → +0.5·4.8/1.92.
        Assert.Equal(bias + 0.5f * 4.8f / 1.92f, s[1], 4);
        model.Scores(SparseVector.Empty.AsRow(), s);
        Assert.Equal(bias - 0.5f * 4.8f / 2.88f, s[1], 4);

        // Softmax: bias log prior, hessian K/(K−1)·p(1−p) = 0.48 per row.
        var softmax = (TreeEnsembleModel)new FastTreeTrainer(new FastTreeOptions
        {
            NumberOfTrees = 1, NumberOfLeaves = 2, MinimumExampleCountPerLeaf = 1, LearningRate = 0.5f,
            Objective = FastTreeObjective.Softmax,
        }).Fit(data);
        softmax.Scores(FastTreeTestData.Row((0, 12.49f)).AsRow(), s);
        Assert.Equal(MathF.Log(0.4f) - 0.5f * 4.8f / 5.76f, s[1], 4);
        softmax.Scores(FastTreeTestData.Row((0, 12.51f)).AsRow(), s);
        Assert.Equal(MathF.Log(0.4f) + 0.5f * 4.8f / 3.84f, s[1], 4);
    }

    [Fact]
    public void Example_weights_scale_gradients_and_hessians()
    {
        // Doubling every weight leaves Newton steps unchanged.
        var data = FastTreeTestData.Topical(200, 3, seed: 4);
        var weights = new float[data.RowCount];
        Array.Fill(weights, 2f);
        var options = new FastTreeOptions { NumberOfTrees = 5 };
        var a = new FastTreeTrainer(options).Fit(data);
        var b = new FastTreeTrainer(options).Fit(data with { Weights = weights });
        var pa = new float[3];
        var pb = new float[3];
        for (int i = 0; i < data.RowCount; i++)
        {
            a.PredictProbabilities(data.Features.Row(i), pa);
            b.PredictProbabilities(data.Features.Row(i), pb);
            for (int c = 0; c < 3; c++) Assert.Equal(pa[c], pb[c], 4);
        }
    }

    [Theory]
    [InlineData(FastTreeObjective.OneVersusAll)]
    [InlineData(FastTreeObjective.Softmax)]
    public void Probabilities_sum_to_one(FastTreeObjective objective)
    {
        var data = FastTreeTestData.Topical(300, 4, seed: 5);
        var model = new FastTreeTrainer(new FastTreeOptions { Objective = objective, NumberOfTrees = 10 }).Fit(data);
        var p = new float[4];
        for (int i = 0; i < data.RowCount; i++)
        {
            model.PredictProbabilities(data.Features.Row(i), p);
            Assert.Equal(1f, p.Sum(), 4);
            Assert.All(p, v => Assert.InRange(v, 0f, 1f));
        }
    }

    [Theory]
    [InlineData(FastTreeObjective.OneVersusAll)]
    [InlineData(FastTreeObjective.Softmax)]
    public void Same_seed_gives_identical_predictions(FastTreeObjective objective)
    {
        var data = FastTreeTestData.Topical(300, 3, seed: 6);
        var options = new FastTreeOptions { Objective = objective, NumberOfTrees = 10, RowSampleFraction = 0.7f, Seed = 42 };
        var a = Serialize(new FastTreeTrainer(options).Fit(data));
        var b = Serialize(new FastTreeTrainer(options).Fit(data));
        Assert.Equal(a, b);
        var c = Serialize(new FastTreeTrainer(options with { Seed = 43 }).Fit(data));
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Leaves_hold_at_least_the_minimum_count()
    {
        var data = FastTreeTestData.Topical(300, 3, seed: 7);
        var model = (TreeEnsembleModel)new FastTreeTrainer(new FastTreeOptions
        {
            NumberOfTrees = 3, NumberOfLeaves = 40, MinimumExampleCountPerLeaf = 25,
        }).Fit(data);
        for (int t = 0; t < model.TreeCount; t++)
        {
            var counts = new Dictionary<int, int>();
            for (int i = 0; i < data.RowCount; i++)
            {
                int leaf = model.LeafOf(t, data.Features.Row(i));
                counts[leaf] = counts.GetValueOrDefault(leaf) + 1;
            }
            Assert.True(counts.Count > 1, $"tree {t} did not split");
            Assert.All(counts.Values, n => Assert.True(n >= 25, $"leaf with {n} rows"));
        }
    }

    [Theory]
    [InlineData(FastTreeObjective.OneVersusAll)]
    [InlineData(FastTreeObjective.Softmax)]
    public void Without_a_usable_column_the_model_predicts_the_priors(FastTreeObjective objective)
    {
        // Every column has fewer non-zeros than the minimum leaf size, so no split is possible.
        var rows = new List<SparseVector>();
        var labels = new int[30];
        for (int i = 0; i < 30; i++)
        {
            rows.Add(i < 3 ? FastTreeTestData.Row((i, 1f)) : SparseVector.Empty);
            labels[i] = i % 3 == 0 ? 1 : 0;
        }
        var data = new TrainingSet(SparseMatrix.FromRows(1 << 19, rows), labels, 2);
        var model = new FastTreeTrainer(new FastTreeOptions { Objective = objective, NumberOfTrees = 3 }).Fit(data);
        var p = new float[2];
        model.PredictProbabilities(FastTreeTestData.Row((0, 1f)).AsRow(), p);
        Assert.Equal(1f / 3f, p[1], 3);
    }

    [Fact]
    public void Round_trip_keeps_predictions_identical()
    {
        var data = FastTreeTestData.Topical(300, 3, seed: 8);
        var model = new FastTreeTrainer(new FastTreeOptions { NumberOfTrees = 10 }).Fit(data);
        var bytes = Serialize(model);
        Assert.True(ModelReaders.TryGet("tree-ensemble", out var read));
        var copy = read(new BinaryReader(new MemoryStream(bytes)));
        Assert.Equal(bytes, Serialize(copy));
        var p = new float[3];
        var q = new float[3];
        for (int i = 0; i < data.RowCount; i++)
        {
            model.PredictProbabilities(data.Features.Row(i), p);
            copy.PredictProbabilities(data.Features.Row(i), q);
            Assert.Equal(p, q);
        }
    }

    [Fact]
    public void Truncated_model_throws_invalid_data_at_every_length()
    {
        var bytes = Serialize(new FastTreeTrainer(new FastTreeOptions { NumberOfTrees = 2, NumberOfLeaves = 4 }).Fit(FastTreeTestData.Topical(100, 3, seed: 9)));
        for (int length = 0; length < bytes.Length; length++)
        {
            var reader = new BinaryReader(new MemoryStream(bytes, 0, length));
            Assert.Throws<InvalidDataException>(() => TreeEnsembleModel.ReadFrom(reader));
        }
    }

    [Fact]
    public void Corrupted_fields_throw_invalid_data_or_give_a_model_that_still_predicts()
    {
        var data = FastTreeTestData.Topical(100, 3, seed: 10);
        var bytes = Serialize(new FastTreeTrainer(new FastTreeOptions { NumberOfTrees = 2, NumberOfLeaves = 4 }).Fit(data));
        int[] poison = [-1, 0, 1, 2, 7, int.MaxValue, int.MinValue];
        var p = new float[3];
        int rejected = 0, accepted = 0;
        for (int at = 0; at + 4 <= bytes.Length; at += 4)
            foreach (int value in poison)
            {
                var copy = (byte[])bytes.Clone();
                BitConverter.TryWriteBytes(copy.AsSpan(at), value);
                TreeEnsembleModel model;
                try { model = TreeEnsembleModel.ReadFrom(new BinaryReader(new MemoryStream(copy))); }
                catch (InvalidDataException) { rejected++; continue; }
                accepted++;
                // A model that loads must still give a probability distribution for every row, whatever the field held.
                for (int i = 0; i < data.RowCount; i++)
                {
                    model.PredictProbabilities(data.Features.Row(i), p);
                    Assert.All(p, v => Assert.True(float.IsFinite(v) && v >= 0 && v <= 1, $"offset {at}, value {value}: p = {v}"));
                    Assert.True(Math.Abs(p.Sum() - 1) < 1e-4, $"offset {at}, value {value}: probabilities sum to {p.Sum()}");
                }
            }
        // Both outcomes occur: structural fields (counts, node links, feature indices) are checked, leaf values need not be.
        Assert.True(rejected > 0, "no corruption was rejected");
        Assert.True(accepted > 0, "every corruption was rejected, so the predicting branch was never tested");
    }

    [Fact]
    public void Child_link_pointing_back_up_is_rejected()
    {
        // One tree with two internal nodes where node 1 sends rows back to node 0 (a loop).
        Assert.Throws<InvalidDataException>(() => new TreeEnsembleModel(1, 2, TreeEnsembleOutput.Softmax, [0f, 0f], [0],
            [0, 2], [0, 3], [0, 0], [0.5f, 0.5f], [1, 0], [~0, ~1], [0f, 0f, 0f]));
        Assert.Throws<InvalidDataException>(() => new TreeEnsembleModel(1, 2, TreeEnsembleOutput.Softmax, [0f, 0f], [0],
            [0, 1], [0, 2], [0], [0.5f], [~0], [~5], [0f, 0f]));
    }

    private static byte[] Serialize(IMulticlassModel model)
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) model.WriteTo(writer);
        return stream.ToArray();
    }
}
