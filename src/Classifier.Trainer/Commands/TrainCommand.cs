using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Classifier.Engine.Featurization;
using Classifier.Engine.Persistence;
using Classifier.Engine.Pipeline;
using Classifier.Text.Datasets;
using Classifier.Text.Diagnostics;
using Classifier.Cli;
using Classifier.Trainer.Cli;
using Classifier.Trainer.Reports;
using Spectre.Console;

namespace Classifier.Trainer.Commands;

/// <summary><c>trainer train</c>: labelled CSV in, cross-validated metrics and a model file out.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data", "-d") { Description = "Labelled CSV file(s); repeat the option or list several (a shell glob works) to combine files that share the columns.", Required = true, AllowMultipleArgumentsPerToken = true };
        var trainOnly = new Option<string[]>("--train-only") { Description = "Labelled CSV(s) used in every training fold but never tested (e.g. data/supplement.csv data/articles/*.csv), so reported figures stay on real data.", AllowMultipleArgumentsPerToken = true };
        var weak = new Option<string[]>("--weak") { Description = "Weakly labelled CSV(s) from 'trainer autolabel'; train down-weighted, never tested.", AllowMultipleArgumentsPerToken = true };
        var weakWeight = new Option<float>("--weak-weight") { Description = "Weight of each weak example relative to a gold one.", DefaultValueFactory = _ => 0.3f };
        var textCols = CommonOptions.TextColumns();
        var labelCols = CommonOptions.LabelColumns();
        var groupCol = CommonOptions.GroupColumn();
        var model = CommonOptions.Model(required: true);
        var trainer = new Option<string>("--trainer", "-t") { Description = $"auto, or one of: {string.Join(", ", TrainerFactory.Names)} (mlnet-* are ML.NET pipelines with ML.NET's own FeaturizeText). auto picks by cross-validated macro-F1 among --candidates.", DefaultValueFactory = _ => "auto" };
        trainer.AcceptOnlyFromAmong(["auto", .. TrainerFactory.Names]);
        var settings = new Option<string[]>("--set") { Description = "Trainer setting key=value, repeatable; checked before the data is read. " + SettingsHelp() };
        var cv = new Option<string>("--cv") { Description = "Cross-validation: K folds (grouped and stratified), 'logo' for leave-one-group-out, or 'none'.", DefaultValueFactory = _ => "5" };
        var seed = new Option<int>("--seed") { Description = "Seed for folds and trainers; the same seed gives the same model.", DefaultValueFactory = _ => 1 };
        var budget = new Option<string>("--time-budget") { Description = "A ceiling on the time --trainer auto spends comparing candidates (e.g. 60s, 5m); candidates it stops are listed and recorded in the model. Default none: every candidate runs, so the choice is reproducible.", DefaultValueFactory = _ => "none" };
        var candidates = new Option<string>("--candidates") { Description = $"What --trainer auto compares: 'default' ({string.Join(", ", AutoSelector.DefaultCandidates.Select(c => c.ToString()))}), 'all' (adds the slow ones: lbfgs, mlnet-lbfgs and ML.NET's tree ensembles), or trainer names separated by commas.", DefaultValueFactory = _ => "default" };
        var report = new Option<string?>("--report") { Description = "Write report.md, report.html and metrics.json from the cross-validated predictions to this directory." };
        var classWeights = new Option<string>("--class-weights") { Description = "balanced (every class weighs the same in total), none, or explicit LABEL=W pairs such as pro-kosovo=3,neutral=0.5 (unlisted labels weigh 1).", DefaultValueFactory = _ => "balanced" };
        var hashBits = new Option<int?>("--hash-bits") { Description = "Hash n-grams into 2^bits buckets per block (default 18)." };
        var wordNgrams = new Option<int?>("--word-ngrams") { Description = "Longest word n-gram, 1 to 3 (default 2: unigrams and bigrams)." };
        var charNgrams = new Option<string?>("--char-ngrams") { Description = "Character n-gram lengths as MIN-MAX, or 'none' (default 2-4)." };
        var voiceNgrams = new Option<bool>("--voice-ngrams") { Description = "Add word n-grams marked by voice (inside quotation marks, or the narrator's) as a block of their own, so a quoted claim and the same words as the outlet's framing are different features." };
        var ruleFeatures = new Option<string?>("--rule-features") { Description = "Add the rules of a rule file (the format of data/rules.json) as features: one per rule that fires and one per head-label vote. The rules are stored in the model." };
        var frameFeatures = new Option<string?>("--frame-features") { Description = "Add a frame block from a frame lexicon (the format of data/frames.json): its phrases are replaced by their classes (@kosovo, @urge, …) and the n-grams involving a class become features, so who speaks, who is blamed and who answers generalise across names. The lexicon is stored in the model." };
        var contextWeight = new Option<float?>("--context-weight") { Description = "Add each paragraph's article context (the mean of its article's paragraph vectors, grouped by --group-col or the article column) as a block of this weight, e.g. 0.3; 0 or absent: off." };
        var embeddings = new Option<string?>("--embeddings") { Description = "Add a sentence-embedding block: arctic-xs (snowflake-arctic-embed-xs, 384 dimensions, offline; about 90 paragraphs/s on 2 cores, cached per text across folds)." };
        embeddings.AcceptOnlyFromAmong([.. TextEmbedders.Names]);
        var sentencePooling = new Option<string[]>("--sentence-pooling") { Description = "Score each sentence of a paragraph for this head, as HEAD or HEAD:BACKGROUND (default background: neutral), repeatable: a side's probability is the highest any sentence gives it, the background's the lowest, so one partisan sentence among neutral ones is not averaged away. About twice the prediction time for multi-sentence paragraphs; not with --context-weight." };
        var noAutoGroup = new Option<bool>("--no-auto-group") { Description = "With several --text-col, do not group folds by a joined column whose values repeat (a stance target); see --group-col." };
        var minCount = new Option<int?>("--min-count") { Description = "Learn a vocabulary of n-grams seen in at least this many texts instead of hashing." };

        var command = new Command("train", "Train a model on labelled text, report cross-validated accuracy and save the model.\n" +
            "Example: trainer train --data data/labels.csv --train-only data/supplement.csv --model models/default.zip")
        {
            data, trainOnly, weak, weakWeight, textCols, labelCols, groupCol, model, trainer, settings, cv, seed, budget, candidates, report, classWeights, hashBits, wordNgrams, charNgrams, minCount, noAutoGroup, voiceNgrams, ruleFeatures, frameFeatures, contextWeight, embeddings, sentencePooling,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(parse, ct, new TrainArguments(
            parse.GetValue(data)!, parse.GetValue(trainOnly) ?? [], parse.GetValue(weak) ?? [], parse.GetValue(weakWeight),
            parse.GetValue(textCols)!, parse.GetValue(labelCols) ?? [], parse.GetValue(groupCol), parse.GetValue(model)!,
            parse.GetValue(trainer)!, CommonOptions.ParseSettings(parse.GetValue(settings) ?? []), parse.GetValue(cv)!, parse.GetValue(seed),
            ParseBudget(parse.GetValue(budget)!), parse.GetValue(candidates)!, parse.GetValue(report),
            parse.GetValue(classWeights)!, !parse.GetValue(noAutoGroup), ParseSentencePooling(parse.GetValue(sentencePooling) ?? []),
            FeaturizerFrom(parse.GetValue(hashBits), parse.GetValue(wordNgrams), parse.GetValue(charNgrams), parse.GetValue(minCount), parse.GetValue(voiceNgrams), parse.GetValue(ruleFeatures), parse.GetValue(frameFeatures), parse.GetValue(contextWeight), parse.GetValue(embeddings))))));
        return command;
    }

    private sealed record TrainArguments(
        string[] Data, string[] TrainOnly, string[] Weak, float WeakWeight, string[] TextColumns, string[] LabelColumns, string? GroupColumn,
        string Model, string Trainer, Dictionary<string, string> Settings, string Cv, int Seed, TimeSpan? Budget, string Candidates, string? Report,
        string ClassWeights, bool AutoGroup, Dictionary<string, string> SentencePooling, FeaturizerOptions Featurizer);

    /// <summary>HEAD or HEAD:BACKGROUND, each head once; heads and labels are checked against the data later.</summary>
    private static Dictionary<string, string> ParseSentencePooling(string[] values)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            int colon = value.IndexOf(':');
            var head = (colon < 0 ? value : value[..colon]).Trim();
            var background = colon < 0 ? "neutral" : value[(colon + 1)..].Trim();
            if (head.Length == 0 || background.Length == 0)
                throw new UsageException($"--sentence-pooling '{value}' is not HEAD or HEAD:BACKGROUND", "for example --sentence-pooling stance, or --sentence-pooling sentiment:none");
            if (!result.TryAdd(head, background))
                throw new UsageException($"--sentence-pooling names head '{head}' twice", "give each head once");
        }
        return result;
    }

    /// <summary>The rule file's text, validated now so a bad rule stops the run before any data is read (exit 3).</summary>
    private static string ReadRules(string path)
    {
        var rules = Classifier.Text.Labelling.RuleSet.Load(path);
        return File.ReadAllText(rules.Source);
    }

    /// <summary>Each registered trainer's settings with their ranges, for --help.</summary>
    private static string SettingsHelp() => string.Join("; ", TrainerFactory.Names.Select(name =>
        $"{name}: {string.Join(", ", TrainerFactory.Definition(name).Settings.Select(s => $"{s.Name} ({s.Range})"))}")) + ".";

    private static TimeSpan? ParseBudget(string text) =>
        text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? null : CommonOptions.ParseDuration(text);

    /// <summary>balanced, none, or LABEL=W[,LABEL=W…]; explicit labels must exist in some head.</summary>
    private static (ClassWeighting Weighting, Dictionary<string, float> Weights) ParseClassWeights(string text, LabelledDataset data)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals("balanced", StringComparison.OrdinalIgnoreCase)) return (ClassWeighting.Balanced, []);
        if (trimmed.Equals("none", StringComparison.OrdinalIgnoreCase)) return (ClassWeighting.None, []);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in data.Labels) foreach (var l in row) if (l is not null) known.Add(l);
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var pair in trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = pair.LastIndexOf('=');
            if (eq <= 0 || !float.TryParse(pair[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !(w > 0) || !float.IsFinite(w))
                throw new UsageException($"--class-weights: '{pair}' is not LABEL=WEIGHT with a positive weight", "for example --class-weights pro-kosovo=3,neutral=0.5, or balanced, or none");
            var label = pair[..eq].Trim();
            if (!known.Contains(label))
                throw new UsageException($"--class-weights: no label '{label}' in the data", $"the labels are: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
            weights[label] = w;
        }
        return (ClassWeighting.Explicit, weights);
    }

    private static FeaturizerOptions FeaturizerFrom(int? hashBits, int? wordNgrams, string? charNgrams, int? minCount, bool voiceNgrams, string? ruleFile, string? frameFile, float? contextWeight, string? embeddings)
    {
        var options = new FeaturizerOptions { VoiceNgrams = voiceNgrams, ContextWeight = contextWeight ?? 0, Embeddings = embeddings };
        if (ruleFile is not null) options = options with { RuleFeatures = ReadRules(ruleFile) };
        if (frameFile is not null) options = options with { Frames = FrameFeatures.Load(frameFile) };
        if (hashBits is { } bits) options = options with { HashBits = bits };
        if (wordNgrams is { } n) options = options with { WordNgrams = n };
        if (minCount is { } count) options = options with { LearnVocabulary = true, MinCount = count };
        if (charNgrams is { } range)
        {
            var text = range.Trim().ToLowerInvariant();
            var parts = text.Split('-');
            if (text == "none") options = options with { CharNgramMin = 0 };
            else if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int min)
                     && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int max))
                options = options with { CharNgramMin = min, CharNgramMax = max };
            else throw new UsageException($"--char-ngrams '{range}' is not a range", "write MIN-MAX such as 2-4, or none");
        }
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }
        return options;
    }

    // Fully optimised from the first call: unoptimised (tier-0) code reports every local and temporary as live until
    // the method returns, which kept the loaded dataset's texts (~130 MB at 120k paragraphs) alive through training.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int Run(ParseResult parse, CancellationToken ct, TrainArguments args)
    {
        var output = parse.InvocationConfiguration.Output;
        var ui = Ui.Create(parse.InvocationConfiguration.Error);
        var clock = Stopwatch.StartNew();
        if (!(args.WeakWeight > 0) || !float.IsFinite(args.WeakWeight))
            throw new UsageException($"--weak-weight must be a positive number, not {args.WeakWeight.ToString(CultureInfo.InvariantCulture)}", "for example --weak-weight 0.3");
        if (args.Trainer == "auto" && args.Settings.Count > 0)
            throw new UsageException("--set needs a named trainer", "pick one with --trainer, or drop --set to let auto choose");
        if (args.Trainer != "auto") TrainerFactory.Validate(args.Trainer, args.Settings);
        var candidates = AutoSelector.Parse(args.Candidates);
        if (args.Trainer != "auto" && args.Candidates != "default")
            throw new UsageException("--candidates is for --trainer auto", "drop --candidates, or use --trainer auto");
        if (args.Report is not null && args.Trainer != "auto" && args.Cv.Trim().ToLowerInvariant() is "none" or "0")
            throw new UsageException("--report needs held-out predictions, and --cv none makes none",
                $"cross-validate (--cv 5 or --cv logo), or score held-out data: trainer evaluate --model {args.Model} --data HELD-OUT.csv --report {args.Report}");
        OutputCheck.File(args.Model);
        if (args.Report is not null) OutputCheck.Directory(args.Report);

        var dataset = DatasetLoader.Load(args.Data, args.TrainOnly, args.Weak, args.WeakWeight, args.TextColumns, args.LabelColumns, args.GroupColumn,
            w => ui.MarkupLineInterpolated($"[yellow]warning:[/] {w}"), args.AutoGroup);
        if (HeadNames.Problem(dataset.HeadNames) is { } problem)
            throw new UsageException($"--label-col: {problem}", "rename the column in the CSV (for example to label) and pass that name");
        ui.MarkupLineInterpolated($"Loaded {dataset.Count} rows ({CountTrainOnly(dataset)} train-only) with heads: {string.Join(", ", dataset.HeadNames)}.");

        var classWeighting = ParseClassWeights(args.ClassWeights, dataset);
        var options = new PipelineOptions
        {
            Trainer = args.Trainer == "auto" ? "sdca" : args.Trainer,
            TrainerSettings = args.Settings,
            Seed = args.Seed,
            ClassWeighting = classWeighting.Weighting,
            ClassWeights = classWeighting.Weights,
            Featurizer = args.Featurizer,
            SentencePooling = args.SentencePooling,
        };
        var labelSets = PipelineTrainer.LabelSets(dataset);
        PipelineTrainer.CheckSentencePooling(dataset, labelSets, options);

        OutOfFoldPredictions[]? oof = null;
        SelectionInfo? selection = null;
        string cvDescription = "none";
        int[]? folds = ParseFolds(args.Cv, dataset, args.Seed, out cvDescription);
        if (args.Trainer == "auto" && folds is null)
        {
            // auto needs held-out predictions to compare candidates, even when the user asked for no report.
            int groups = DistinctGroups(dataset);
            if (groups < 2)
                throw new InputException("--trainer auto compares trainers by cross-validation, which needs at least two groups (articles)",
                    hint: "name a trainer with --trainer, or add data from more articles");
            folds = PipelineCrossValidator.AssignFolds(dataset, Math.Min(5, groups), args.Seed);
            cvDescription = $"{Math.Min(5, groups)}-fold, grouped and stratified, for auto";
        }
        // After every check of the command line and the data: a usage error must not wait for an embedding pass.
        if (options.Featurizer.Embeddings is { } embeddings) Embed(ui, TextEmbedders.Get(embeddings), dataset.Texts, ct);
        if (args.Trainer == "auto")
        {
            // folds is set for auto above, from --cv or assigned.
            var auto = Ui.WithProgress(ui, "auto", tick => AutoSelector.Run(dataset, folds!, options, args.Budget, candidates,
                new Progress<(int Done, int Total, string Current)>(p => tick((double)p.Done / p.Total, p.Current)), ct));
            selection = SelectionInfo.From(auto);
            var board = auto.Board;
            Tables.Leaderboard(ui, board);
            if (!auto.Complete)
                ui.MarkupLineInterpolated($"[yellow]warning:[/] the {args.Budget!.Value.TotalSeconds:0.#}s budget stopped {auto.Stopped.Count} candidate(s): {string.Join(", ", auto.Stopped)}. The choice may differ on a faster or less busy machine; drop --time-budget to run them all.");
            var (choice, predictions) = AutoSelector.BestPerHead(board);
            options = options with { Trainer = board[0].Candidate.Trainer, TrainerSettings = board[0].Candidate.Settings, HeadTrainers = choice };
            oof = predictions;
            foreach (var (head, candidate) in choice)
                ui.MarkupLineInterpolated($"Chose [bold]{candidate.ToString()}[/] for {head}.");
            ui.MarkupLine("[grey]The chosen candidates' cross-validated figures below are optimistic: they were also used to choose.[/]");
        }
        else if (folds is not null)
        {
            oof = Ui.WithProgress(ui, "cross-validating", tick => PipelineCrossValidator.Run(dataset, folds, options,
                new Progress<(int Fold, int Folds)>(p => tick((double)p.Fold / p.Folds, $"fold {p.Fold}/{p.Folds}")), ct));
        }

        EvaluationReport? evaluation = null;
        if (oof is not null)
        {
            evaluation = EvaluationReport.Build($"Cross-validation ({cvDescription}) of {Describe(options, dataset)}", string.Join(", ", args.Data), args.Model, oof, dataset.Texts, dataset.Ids)
                .WithBaseline(MajorityBaseline.Run(dataset, folds!));
            Tables.Summary(ui, evaluation);
        }

        var final = Ui.WithProgress(ui, "training final model", tick =>
        {
            tick(0, "featurizing");
            var featurized = FeaturizeDroppingTexts(ref dataset, options, ct);
            // Aggressive: besides collecting the texts, return their pages to the OS (a plain full collection keeps them
            // committed, and the trainers' large arrays do not reuse them), so the peak stays at featurization's.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return PipelineTrainer.Fit(dataset, labelSets, options, featurized, new Progress<string>(s => tick(0.5, s)), ct);
        });
        if (evaluation is not null) final = final.WithMetrics(evaluation.MetricsByHead());
        if (selection is not null) final = new TextClassifier(final.Featurizer, final.Heads, final.Info with { Selection = selection });
        ModelFile.Save(args.Model, final);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Saved {args.Model} ({new FileInfo(args.Model).Length / 1024.0:0.0} KiB, trainer {Describe(options, dataset)}) in {clock.Elapsed.TotalSeconds:0.0}s."));
        if (args.Report is null || evaluation is null) return ExitCodes.Success;
        // The model is written first: a report that fails now must not cost the training.
        try
        {
            ReportWriter.Write(args.Report, evaluation);
        }
        catch (OutputException ex)
        {
            throw new OutputException(ex.Path, $"{ex.Message}; the model was saved to {args.Model}", ex);
        }
        output.WriteLine($"Report: {Path.Combine(args.Report, "report.html")}");
        return ExitCodes.Success;
    }

    /// <summary>
    /// Embeds every paragraph once, up front, with a progress bar of its own: embedding is the slow step (about 90
    /// paragraphs/s on 2 cores), and the embedder keeps the vectors per text, so cross-validation and the final fit
    /// then find every paragraph's vector ready instead of computing it silently inside a fold.
    /// </summary>
    private static void Embed(IAnsiConsole ui, ITextEmbedder embedder, IReadOnlyList<string> texts, CancellationToken ct) =>
        Ui.WithProgress(ui, $"embedding ({embedder.Name})", tick => embedder.Embed(texts,
            new Progress<(int Done, int Total)>(p => tick((double)p.Done / Math.Max(p.Total, 1), $"{p.Done:N0}/{p.Total:N0} paragraphs")), ct));

    /// <summary>
    /// Featurizes every row and takes the texts out of <paramref name="dataset"/>, which nothing after featurization
    /// reads (a report keeps its own reference): at 120k paragraphs that is ~110 MB released while the matrix grows.
    /// A method of its own so that no stack slot of the caller still holds the old dataset.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static FeaturizedRows FeaturizeDroppingTexts(ref LabelledDataset dataset, PipelineOptions options, CancellationToken ct) =>
        PipelineTrainer.FeaturizeReleasingTexts(ref dataset, PipelineTrainer.AllRows(dataset.Count), options, ct);

    private static string Describe(PipelineOptions options, LabelledDataset data)
    {
        var parts = new List<string>();
        foreach (var head in data.HeadNames) parts.Add(options.TrainerFor(head).ToString());
        var distinct = parts.Distinct().ToList();
        var pooling = options.SentencePooling.Count == 0 ? ""
            : $", sentence pooling for {string.Join(", ", options.SentencePooling.Select(kv => $"{kv.Key} (background {kv.Value})"))}";
        if (distinct.Count == 1) return distinct[0] + pooling;
        var named = new List<string>();
        for (int h = 0; h < parts.Count; h++) named.Add($"{data.HeadNames[h]}: {parts[h]}");
        return string.Join("; ", named) + pooling;
    }

    private static int[]? ParseFolds(string cv, LabelledDataset data, int seed, out string description)
    {
        var text = cv.Trim().ToLowerInvariant();
        if (text is "none" or "0") { description = "none"; return null; }
        int groups = DistinctGroups(data);
        if (text == "logo")
        {
            if (groups < 2)
                throw new InputException($"--cv logo needs at least two groups (articles) of testable rows, but there is {groups}",
                    hint: "each fold trains on the other groups; add data from more articles, or use --cv none");
            description = $"leave-one-group-out, {groups} groups";
            return PipelineCrossValidator.AssignFolds(data, 0, seed);
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int k) || k < 2)
            throw new UsageException($"--cv '{cv}' is not a fold count", "use a number of folds of at least 2, 'logo' or 'none'");
        if (k > groups)
            throw new InputException($"--cv {k} needs at least {k} groups of testable rows, but there are {groups}",
                hint: groups >= 2 ? $"use --cv {groups} or 'logo'" : "cross-validation needs at least two groups (articles); use --cv none");
        description = $"{k}-fold, grouped and stratified";
        return PipelineCrossValidator.AssignFolds(data, k, seed);
    }

    private static int DistinctGroups(LabelledDataset data)
    {
        var set = new HashSet<string>();
        for (int i = 0; i < data.Count; i++) if (!data.TrainOnly[i]) set.Add(data.Groups[i]);
        return set.Count;
    }

    private static int CountTrainOnly(LabelledDataset data)
    {
        int n = 0;
        foreach (var t in data.TrainOnly) if (t) n++;
        return n;
    }
}
