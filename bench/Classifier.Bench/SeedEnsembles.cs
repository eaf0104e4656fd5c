using System.Globalization;
using Classifier.Engine.Featurization;
using Classifier.Engine.Pipeline;
using Classifier.Text.Datasets;

namespace Classifier.Bench;

/// <summary>
/// bench seed-ensembles REPO OUT.csv CANDIDATE...: leave-one-article-out on the gold seed paragraphs (the default
/// model's synthetic data trains in every fold), writing each candidate's held-out probabilities per paragraph and
/// head, so soft-vote ensembles can be scored offline (bench/seed_ensembles.py) without refitting anything.
/// A candidate is TRAINER[:key=value...], fitted with voice n-grams as the default model is.
/// </summary>
public static class SeedEnsembles
{
    public static int Run(string[] args)
    {
        string repo = args[0], output = args[1];
        var data = Load(repo);
        var labelSets = PipelineTrainer.LabelSets(data);
        var gold = Enumerable.Range(0, data.Count).Where(i => !data.TrainOnly[i]).ToArray();
        var groups = gold.Select(i => data.Groups[i]).Distinct().Order(StringComparer.Ordinal).ToArray();
        using var writer = new StreamWriter(output);
        writer.WriteLine("candidate,id,head,gold,probabilities");
        foreach (var candidate in args[2..])
        {
            var parts = candidate.Split(':');
            var options = new PipelineOptions
            {
                Trainer = parts[0],
                TrainerSettings = parts[1..].Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]),
                Featurizer = new FeaturizerOptions { VoiceNgrams = true },
            };
            foreach (var group in groups)
            {
                var train = Enumerable.Range(0, data.Count).Where(i => data.TrainOnly[i] || data.Groups[i] != group).ToArray();
                var model = PipelineTrainer.Fit(data, train, labelSets, options);
                foreach (var i in gold.Where(i => data.Groups[i] == group))
                {
                    var predictions = model.Predict(data.Texts[i]);
                    for (int h = 0; h < predictions.Length; h++)
                    {
                        var probabilities = model.Heads[h].Labels.Zip(predictions[h].Probabilities, (l, p) => $"{l}={p.ToString("R", CultureInfo.InvariantCulture)}");
                        writer.WriteLine($"{candidate},{data.Ids[i]},{data.HeadNames[h]},{data.Labels[i][h]},{string.Join(';', probabilities)}");
                    }
                }
                Console.Error.WriteLine($"{candidate}: held out {group}");
            }
            writer.Flush();
        }
        return 0;
    }

    /// <summary>data/labels.csv (gold, grouped by article) plus the default model's train-only files, as trainer train loads them.</summary>
    private static LabelledDataset Load(string repo) =>
        DatasetLoader.Load([Path.Combine(repo, "data", "labels.csv")],
            [Path.Combine(repo, "data", "supplement.csv"), .. Directory.GetFiles(Path.Combine(repo, "data", "articles"), "*.csv").Order(StringComparer.Ordinal)],
            [], 1f, ["text"], ["stance", "topic"], null, _ => { });
}
