using System.Text.Json;
using Classifier.Engine.Data;
using Classifier.Engine.Models;
using Classifier.Engine.Trainers;

namespace Classifier.Tests.Trainers;

/// <summary>
/// Compares against scikit-learn 1.2 (MultinomialNB, ComplementNB, LinearSVC = liblinear) on the committed fixture
/// written by Fixtures/sklearn/make_svm_nb_reference.py.
/// </summary>
public sealed class SvmNaiveBayesSklearnTests
{
    private static readonly JsonElement Reference = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn", "svm_nb_reference.json"))).RootElement;

    private static float[][] Matrix(string name) =>
        [.. Reference.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray())];

    private static double[][] Table(JsonElement e) =>
        [.. e.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray())];

    private static TrainingSet Train() => new(SparseMatrix.FromDense(Matrix("train")),
        [.. Reference.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32())], Reference.GetProperty("classes").GetInt32());

    [Theory]
    [InlineData(NaiveBayesVariant.Multinomial, "mnb")]
    [InlineData(NaiveBayesVariant.Complement, "cnb")]
    public void Naive_Bayes_matches_scikit_learn(NaiveBayesVariant variant, string key)
    {
        var expected = Reference.GetProperty(key);
        var model = (NaiveBayesModel)new NaiveBayesTrainer(new NaiveBayesOptions { Alpha = 1, Variant = variant }).Fit(Train());
        var logProb = Table(expected.GetProperty("feature_log_prob"));
        for (int c = 0; c < model.ClassCount; c++)
            for (int j = 0; j < model.FeatureCount; j++) Assert.Equal(logProb[c][j], model.Weight(c, j), 1e-5);
        if (variant == NaiveBayesVariant.Multinomial)
        {
            var prior = expected.GetProperty("class_log_prior").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            for (int c = 0; c < model.ClassCount; c++) Assert.Equal(prior[c], model.Prior(c), 1e-5);
        }
        var test = SparseMatrix.FromDense(Matrix("test"));
        var proba = Table(expected.GetProperty("proba"));
        var p = new float[model.ClassCount];
        for (int i = 0; i < test.RowCount; i++)
        {
            model.PredictProbabilities(test.Row(i), p);
            for (int c = 0; c < p.Length; c++) Assert.Equal(proba[i][c], p[c], 1e-4);
        }
    }

    [Theory]
    [InlineData(SvmLoss.SquaredHinge, "squared_hinge")]
    [InlineData(SvmLoss.Hinge, "hinge")]
    public void Linear_SVM_matches_liblinear_through_scikit_learn(SvmLoss loss, string key)
    {
        var expected = Reference.GetProperty("svm").GetProperty(key);
        var options = new LinearSvmOptions
        {
            C = (float)expected.GetProperty("C").GetDouble(), Loss = loss, Epsilon = 1e-7, MaxIterations = 100000,
            Calibration = SvmCalibration.TrainingScores,
        };
        var model = (LinearModel)new LinearSvmTrainer(options).Fit(Train());
        var coef = Table(expected.GetProperty("coef"));
        var intercept = expected.GetProperty("intercept").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (int c = 0; c < model.ClassCount; c++)
        {
            Assert.Equal(intercept[c], model.Intercept(c), 1e-3);
            for (int j = 0; j < model.FeatureCount; j++) Assert.Equal(coef[c][j], model.Weight(c, j), 1e-3);
        }
        var test = SparseMatrix.FromDense(Matrix("test"));
        var decision = Table(expected.GetProperty("decision"));
        var scores = new float[model.ClassCount];
        for (int i = 0; i < test.RowCount; i++)
        {
            model.Scores(test.Row(i), scores);
            for (int c = 0; c < scores.Length; c++) Assert.Equal(decision[i][c], scores[c], 1e-3);
        }
    }
}
