using Classifier.Engine.Featurization;
using Classifier.Tests.Support;

namespace Classifier.Tests.EndToEnd;

/// <summary>`trainer train --embeddings`: the slow embedding pass runs once, up front, where it can show progress.</summary>
public sealed class TrainerEmbeddingTests
{
    /// <summary>Records each call; vectors from the text's length, so training is deterministic.</summary>
    private sealed class RecordingEmbedder : ITextEmbedder
    {
        public System.Collections.Concurrent.ConcurrentQueue<(string[] Texts, bool Progress)> Calls { get; } = new();
        public string Name => "test-trainer-recording";
        public int Dimensions => 2;

        public float[][] Embed(IReadOnlyList<string> texts, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
        {
            Calls.Enqueue(([.. texts], progress is not null));
            progress?.Report((texts.Count, texts.Count));
            return [.. texts.Select(t => new[] { 0.6f, t.Length % 2 == 0 ? 0.8f : -0.8f })];
        }
    }

    [Fact]
    public void Every_paragraph_is_embedded_in_one_pass_with_progress_before_cross_validation()
    {
        var embedder = new RecordingEmbedder();
        TextEmbedders.Register(embedder.Name, () => embedder);
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var extra = dir.Write("extra.csv", Fixtures.StanceCsv(articles: 3, seed: 9).Replace("\na", "\nx"));
        var run = CliRun.Trainer("train", "--data", data, "--train-only", extra, "--model", dir.File("m.zip"), "--trainer", "nb",
            "--cv", "3", "--embeddings", embedder.Name);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(embedder.Calls.TryDequeue(out var first));
        // The first call is the up-front pass: every row of both files, with a progress sink.
        Assert.True(first.Progress);
        int rows = File.ReadAllLines(data).Length - 1 + File.ReadAllLines(extra).Length - 1;
        Assert.Equal(rows, first.Texts.Length);
        // Later calls (the folds, the final fit) only ask for texts the first pass embedded.
        var embedded = first.Texts.ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(embedder.Calls);
        foreach (var (texts, _) in embedder.Calls) Assert.All(texts, t => Assert.Contains(t, embedded));
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("50")]
    public void A_bad_cv_is_refused_before_anything_is_embedded(string cv)
    {
        var embedder = new RecordingEmbedder();
        TextEmbedders.Register(embedder.Name + "-cv", () => embedder);
        using var dir = new TempDir();
        var data = dir.Write("data.csv", Fixtures.StanceCsv());
        var run = CliRun.Trainer("train", "--data", data, "--model", dir.File("m.zip"), "--trainer", "nb", "--cv", cv, "--embeddings", embedder.Name + "-cv");
        Assert.True(run.ExitCode is 2 or 3, run.ToString());
        Assert.Empty(embedder.Calls);
    }
}
