using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Classifier.Engine.Data;
using Classifier.Engine.Featurization;
using Classifier.Engine.Metrics;
using Classifier.Engine.Persistence;
using Classifier.Engine.Pipeline;
using Classifier.Text.Datasets;

namespace Classifier.Bench;

/// <summary>
/// bench TRAINER CORPUS_DIR [key=value ...]: featurize + train on train.csv, predict test.csv, print one JSON line
/// (seconds, paragraphs/s, peak memory, accuracy, macro-F1). One process per trainer so peak memory is its own.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Classifier.MlNet.MlNetEngine.Register(); // mlnet-* trainers run through the same driver
        if (args.Length > 0 && args[0] == "seed-ensembles") return SeedEnsembles.Run(args[1..]);
        if (args.Length > 0 && args[0] == "cli-stages") return CliStages.Run(args[1..]);
        if (args.Length > 0 && args[0] == "rule-times") return RuleTimes.Run(args[1..]);
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: bench TRAINER CORPUS_DIR [setting=value ...]");
            return 2;
        }
        string trainer = args[0], corpus = args[1];
        var all = args.Skip(2).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        // feat.* settings shape the featurizer (feat.hash-bits, feat.min-count, feat.char=MIN-MAX|none, feat.word=N); the rest go to the trainer.
        var settings = all.Where(kv => !kv.Key.StartsWith("feat.", StringComparison.Ordinal)).ToDictionary();
        var featurizer = new FeaturizerOptions();
        foreach (var (key, value) in all.Where(kv => kv.Key.StartsWith("feat.", StringComparison.Ordinal)))
            featurizer = key switch
            {
                "feat.hash-bits" => featurizer with { HashBits = int.Parse(value, CultureInfo.InvariantCulture) },
                "feat.min-count" => featurizer with { LearnVocabulary = true, MinCount = int.Parse(value, CultureInfo.InvariantCulture) },
                "feat.word" => featurizer with { WordNgrams = int.Parse(value, CultureInfo.InvariantCulture) },
                "feat.char" when value == "none" => featurizer with { CharNgramMin = 0 },
                "feat.char" => featurizer with { CharNgramMin = int.Parse(value.Split('-')[0], CultureInfo.InvariantCulture), CharNgramMax = int.Parse(value.Split('-')[1], CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown featurizer setting {key}"),
            };
        var options = new LabelledCsvOptions(["text"], ["label"]);
        var train = LabelledCsvReader.Read(Path.Combine(corpus, "train.csv"), options);
        var test = LabelledCsvReader.Read(Path.Combine(corpus, "test.csv"), options);
        var labels = PipelineTrainer.LabelSets(train);

        // Profile (BENCH_PROFILE=1): featurization alone (fit + transform of the training texts, then transform of the
        // test texts), to split train and predict figures into featurizer and model time. Off by default: holding a
        // second feature matrix would inflate the peak-memory figure.
        var clock = Stopwatch.StartNew();
        double? featurizeSeconds = null, transformPerSecond = null;
        if (Environment.GetEnvironmentVariable("BENCH_PROFILE") == "1")
        {
            var (fitted, _) = new TextFeaturizer(featurizer).FitTransform(train.Texts);
            featurizeSeconds = clock.Elapsed.TotalSeconds;
            fitted.TransformAll(test.Texts.Take(Math.Min(2000, test.Count)).ToArray());
            clock.Restart();
            fitted.TransformAll(test.Texts);
            transformPerSecond = test.Count / clock.Elapsed.TotalSeconds;
            GC.Collect();
        }

        clock.Restart();
        var model = PipelineTrainer.Fit(train, PipelineTrainer.AllRows(train.Count), labels,
            new PipelineOptions { Trainer = trainer, TrainerSettings = settings, ClassWeighting = ClassWeighting.None, Featurizer = featurizer });
        double trainSeconds = clock.Elapsed.TotalSeconds;

        // Warm up the JIT on a slice first: the figure is steady-state throughput, as a long-running service sees it.
        model.PredictAll(test.Texts.Take(Math.Min(2000, test.Count)).ToArray());
        clock.Restart();
        var predictions = model.PredictAll(test.Texts);
        double predictSeconds = clock.Elapsed.TotalSeconds;
        // One paragraph at a time on one thread, as a caller of TextClassifier.Predict sees it (the batch above uses every core).
        int single = Math.Min(5000, test.Count);
        clock.Restart();
        for (int i = 0; i < single; i++) model.Predict(test.Texts[i]);
        double singleSeconds = clock.Elapsed.TotalSeconds;

        // Model file size and load time: ML.NET users' complaints are big files and slow PredictionEngine creation.
        var modelPath = Path.Combine(Path.GetTempPath(), $"classifier-bench-{Environment.ProcessId}.zip");
        ModelFile.Save(modelPath, model);
        long modelBytes = new FileInfo(modelPath).Length;
        clock.Restart();
        ModelFile.Load(modelPath);
        double firstLoadMilliseconds = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        ModelFile.Load(modelPath);
        double loadMilliseconds = clock.Elapsed.TotalMilliseconds;
        File.Delete(modelPath);

        int k = labels[0].Count;
        var truth = new List<int>();
        var probs = new List<float>();
        for (int i = 0; i < test.Count; i++)
        {
            int t = model.Heads[0].IndexOf(test.Labels[i][0]!);
            if (t < 0) continue;
            truth.Add(t);
            probs.AddRange(predictions[i][0].Probabilities);
        }
        var metrics = MulticlassMetrics.Compute(labels[0], truth.ToArray(), probs.ToArray());
        using var process = Process.GetCurrentProcess();
        var result = new Dictionary<string, object?>
        {
            ["tool"] = (trainer.StartsWith("mlnet-", StringComparison.Ordinal) ? $"ML.NET {trainer[6..]}" : $"classifier {trainer}") + (settings.Count > 0 ? " " + string.Join(" ", args.Skip(2)) : ""),
            ["train_rows"] = train.Count,
            ["features"] = model.Featurizer.FeatureCount,
            ["train_seconds"] = Math.Round(trainSeconds, 2),
            ["featurize_seconds"] = featurizeSeconds is { } fs ? Math.Round(fs, 2) : null,
            ["featurize_per_second"] = transformPerSecond is { } tp ? Math.Round(tp) : null,
            ["predict_per_second"] = Math.Round(test.Count / predictSeconds),
            ["predict_single_thread_per_second"] = Math.Round(single / singleSeconds),
            ["model_kib"] = modelBytes / 1024,
            ["load_ms"] = Math.Round(loadMilliseconds, 1),
            ["first_load_ms"] = Math.Round(firstLoadMilliseconds, 1),
            ["peak_mib"] = process.PeakWorkingSet64 / (1024 * 1024),
            ["accuracy"] = Math.Round(metrics.MicroAccuracy, 4),
            ["macro_f1"] = Math.Round(metrics.MacroF1, 4),
            ["log_loss"] = Math.Round(metrics.LogLoss, 4),
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }
}
