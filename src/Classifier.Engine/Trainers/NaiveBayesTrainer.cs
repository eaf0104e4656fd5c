using System.Globalization;
using Classifier.Engine.Data;
using Classifier.Engine.Models;

namespace Classifier.Engine.Trainers;

/// <summary>
/// Multinomial or complement naive Bayes (see <see cref="NaiveBayesVariant"/>) over |feature value| "counts"
/// (term frequencies or TF-IDF; the absolute value because signed hashing yields negative values).
/// Example weights scale a row's counts and its share of the class prior, so weight 2 equals the row twice.
/// One pass over the non-zeros; the result is a <see cref="NaiveBayesModel"/> whose softmax is a real posterior
/// for the multinomial variant.
/// </summary>
public sealed class NaiveBayesTrainer(NaiveBayesOptions options) : IMulticlassTrainer
{
    /// <summary>Smallest smoothing used, as scikit-learn: α = 0 would give log 0 for unseen features.</summary>
    private const double MinAlpha = 1e-10;

    public NaiveBayesOptions Options { get; } = options;
    public string Name => "nb";

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["alpha"] = Options.Alpha.ToString("R", CultureInfo.InvariantCulture),
        ["variant"] = Options.Variant == NaiveBayesVariant.Complement ? "complement" : "multinomial",
    };

    public IMulticlassModel Fit(TrainingSet data, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        data.Validate();
        if (!(Options.Alpha >= 0f) || float.IsInfinity(Options.Alpha)) throw new ArgumentOutOfRangeException(nameof(Options), "Alpha must be finite and >= 0");
        var x = data.Features;
        int n = x.ColumnCount, k = data.ClassCount;
        double alpha = Math.Max(Options.Alpha, MinAlpha);

        // counts[j·K + c] = Σ_{i: y_i = c} w_i·|x_ij|
        var counts = new double[(long)n * k];
        var classMass = new double[k];
        var classWeight = new double[k];
        int[] starts = x.RowStarts, indices = x.Indices;
        Half[] values = x.Values;
        for (int i = 0; i < data.RowCount; i++)
        {
            if ((i & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
            int c = data.Labels[i];
            double wi = data.WeightOf(i);
            classWeight[c] += wi;
            if (wi == 0) continue;
            double mass = 0;
            for (int t = starts[i]; t < starts[i + 1]; t++)
            {
                double v = wi * Math.Abs((double)values[t]);
                counts[(long)indices[t] * k + c] += v;
                mass += v;
            }
            classMass[c] += mass;
        }

        // The smoothing mass is α per feature seen in training, as a vocabulary-based NB would have: with hashing,
        // the never-used buckets would otherwise inflate every denominator by α each.
        long seen = 0;
        for (long j = 0; j < n; j++)
        {
            for (int c = 0; c < k; c++)
                if (counts[j * k + c] > 0) { seen++; break; }
        }
        double smoothingMass = alpha * Math.Max(seen, 1);

        var weights = new float[(long)n * k];
        var priors = new float[k];
        if (Options.Variant == NaiveBayesVariant.Multinomial)
        {
            // log θ_cj = log(N_cj + α) − log(N_c + α·|V|)
            var logDenominator = new double[k];
            for (int c = 0; c < k; c++) logDenominator[c] = Math.Log(classMass[c] + smoothingMass);
            for (long j = 0; j < n; j++)
                for (int c = 0; c < k; c++)
                    weights[j * k + c] = (float)(Math.Log(counts[j * k + c] + alpha) - logDenominator[c]);

            // Empirical log prior. A class with no (weighted) examples gets half an example's worth instead of log 0,
            // so its probability stays small but positive and log-losses stay finite.
            double total = 0;
            foreach (var v in classWeight) total += v;
            for (int c = 0; c < k; c++)
            {
                double share = total > 0 ? classWeight[c] / total : 1.0 / k;
                if (share <= 0) share = 0.5 / total;
                priors[c] = (float)Math.Log(share);
            }
        }
        else
        {
            // −log θ̃_cj = −[log(T_j − N_cj + α) − log(T − N_c + α·|V|)], T = totals over all classes.
            double totalMass = 0;
            foreach (var m in classMass) totalMass += m;
            var logDenominator = new double[k];
            for (int c = 0; c < k; c++) logDenominator[c] = Math.Log(totalMass - classMass[c] + smoothingMass);
            for (long j = 0; j < n; j++)
            {
                double tj = 0;
                for (int c = 0; c < k; c++) tj += counts[j * k + c];
                for (int c = 0; c < k; c++)
                    weights[j * k + c] = (float)(logDenominator[c] - Math.Log(Math.Max(tj - counts[j * k + c], 0.0) + alpha));
            }
        }
        progress?.Report(1.0);
        return new NaiveBayesModel(n, k, weights, priors, Options.Variant);
    }
}
