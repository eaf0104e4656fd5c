using Classifier.Tests.Support;

namespace Classifier.Tests.Labelling;

public class LabellingSchemaTests
{
    /// <summary>Two heads: sentiment with its own keys, urgency with keys left to the labeller.</summary>
    private const string TwoHeads = """
        { "heads": [
          { "name": "sentiment", "values": ["positive", "negative", "mixed"], "keys": ["p", "n", "m"] },
          { "name": "urgency", "values": ["low", "high"] }
        ] }
        """;

    private static TempDir NewDir()
    {
        var dir = new TempDir();
        dir.Write("paragraphs.csv", LabellingFixtures.Paragraphs);
        return dir;
    }

    private static CliRun Label(TempDir dir, string keys, params string[] extra)
    {
        var keyFile = dir.Write("keys.txt", keys);
        return CliRun.Trainer(["label", "--in", dir.File("paragraphs.csv"), "--labels", dir.File("labels.csv"), "--keys", keyFile,
            "--annotator", "tester", "--order", "sequential", .. extra]);
    }

    [Fact]
    public void A_custom_two_head_schema_is_labelled_with_its_keys_and_resumed()
    {
        using var dir = NewDir();
        var schema = dir.Write("schema.json", TwoHeads);
        // Urgency's keys are the first free letters of its values: l(ow), h(igh).
        var run = Label(dir, "plnhmhq", "--schema", schema);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("choice: sentiment ?, urgency ?", run.Output);
        Assert.Contains("saved a:2: negative, high", run.Output);
        Assert.Contains("sentiment: positive 1, negative 1, mixed 0 | urgency: low 1, high 1", run.Output);
        var labels = dir.File("labels.csv");
        Assert.Equal(["id", "article", "text", "sentiment", "urgency", "annotator", "note", "labelled_at"], LabellingFixtures.Columns(labels));
        var rows = LabellingFixtures.Rows(labels);
        Assert.Equal(["a:1", "a:2", "a:3"], rows.Select(r => r[0]));
        Assert.Equal(["positive", "negative", "mixed"], rows.Select(r => r[3]));
        Assert.Equal(["low", "high", "high"], rows.Select(r => r[4]));

        // The file's values are checked against the schema and counted; the next session starts at a:4.
        run = Label(dir, "?ml", "--schema", schema);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("paragraph a:4", run.Output);
        Assert.Contains("keys: p positive, n negative, m mixed | l low, h high", run.Output);
        Assert.Equal(["a:1", "a:2", "a:3", "a:4"], LabellingFixtures.Rows(labels).Select(r => r[0]));
        Assert.Equal(["mixed", "low"], LabellingFixtures.Rows(labels)[3][3..5]);
    }

    [Fact]
    public void A_schema_whose_keys_collide_with_the_session_keys_or_each_other_is_refused_naming_them()
    {
        using var dir = NewDir();
        var schema = dir.Write("schema.json", """
            { "heads": [
              { "name": "sentiment", "values": ["positive", "negative", "quiet"], "keys": ["p", "u", "Q"] },
              { "name": "urgency", "values": ["low", "high"], "keys": ["p", "h"] }
            ] }
            """);
        var run = Label(dir, "q", "--schema", schema);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains(schema, run.Error);
        Assert.Contains("'u' (negative) is the undo key", run.Error);
        Assert.Contains("'q' (quiet) is the quit key", run.Error);
        Assert.Contains("'p' is used twice", run.Error);
        Assert.False(File.Exists(dir.File("labels.csv")));
    }

    [Fact]
    public void A_labels_file_whose_columns_do_not_match_the_schema_is_refused_and_left_untouched()
    {
        using var dir = NewDir();
        var schema = dir.Write("schema.json", TwoHeads);
        var labels = dir.Write("labels.csv", LabellingFixtures.Gold);
        var before = File.ReadAllBytes(labels);
        var run = Label(dir, "plq", "--schema", schema);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains(labels, run.Error);
        Assert.Contains("no sentiment, urgency column", run.Error);
        Assert.Equal(before, File.ReadAllBytes(labels));

        // A file made with the schema, opened without it: the codebook heads are missing, and the hint says --schema.
        File.WriteAllText(labels, "id,article,text,sentiment,urgency,annotator,note,labelled_at\na:1,a,x,positive,low,me,,\n");
        before = File.ReadAllBytes(labels);
        run = Label(dir, "s1q");
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("no stance, topic column", run.Error);
        Assert.Contains("--schema", run.Error);
        Assert.Equal(before, File.ReadAllBytes(labels));

        // A value the schema does not have is reported with its row and column.
        File.WriteAllText(labels, "id,article,text,sentiment,urgency\na:1,a,x,positive,low\na:2,a,x,postive,high\n");
        run = Label(dir, "plq", "--schema", schema);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains($"{labels}:3:4: row 3: unknown sentiment label 'postive'", run.Error);
        Assert.Contains("did you mean 'positive'?", run.Error);
    }

    [Fact]
    public void A_malformed_schema_is_refused_with_what_to_fix()
    {
        using var dir = NewDir();
        var schema = dir.Write("schema.json", """{ "heads": [ { "name": "sentiment", "values": ["positive", "negative"], "keys": ["p"] } ] }""");
        var run = Label(dir, "q", "--schema", schema);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("head 'sentiment' has 2 values but 1 keys", run.Error);

        dir.Write("schema.json", """{ "heads": [ { "name": "text", "values": ["a"] } ] }""");
        run = Label(dir, "q", "--schema", schema);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("'text' is a column the labeller writes itself", run.Error);

        // 40 values cannot all have a key of their own: the schema must give them.
        var values = string.Join(", ", Enumerable.Range(1, 40).Select(i => $"\"v{i}\""));
        dir.Write("schema.json", $$"""{ "heads": [ { "name": "many", "values": [{{values}}] } ] }""");
        run = Label(dir, "q", "--schema", schema);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("no key is left for", run.Error);
    }

    [Fact]
    public void The_default_schema_is_the_codebook_and_rejects_other_columns_as_today()
    {
        using var dir = NewDir();
        var run = Label(dir, "s1q");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("keys: s pro-serbia, k pro-kosovo, n neutral | 1 diplomacy, 2 security", LabellingFixtures.Utf8(Classifier.Trainer.Labelling.LabelSession.Help));
        Assert.Equal(["pro-serbia", "diplomacy"], LabellingFixtures.Rows(dir.File("labels.csv")).Single()[3..5]);
    }

    [Fact]
    public void With_a_model_suggestions_and_retraining_follow_the_schemas_heads()
    {
        using var dir = new TempDir();
        var train = dir.Write("train.csv", Fixtures.StanceCsv(articles: 6));
        var model = dir.File("m.zip");
        var fit = CliRun.Trainer("train", "--data", train, "--model", model, "--trainer", "nb", "--cv", "none");
        Assert.True(fit.ExitCode == 0, fit.ToString());
        dir.Write("paragraphs.csv", "id,article,text\n" + string.Concat(LabellingFixtures.Rows(train).Take(4).Select((r, i) => $"p{i},{r[1]},{r[2]}\n")));
        // The model's stance head suggests; it has no tone head; its topic head is not in the schema, so retraining is off.
        var schema = dir.Write("schema.json", """
            { "heads": [
              { "name": "stance", "values": ["pro-serbia", "pro-kosovo", "neutral"], "keys": ["s", "k", "n"] },
              { "name": "tone", "values": ["calm", "heated"] }
            ] }
            """);
        var run = Label(dir, "\nhq", "--schema", schema, "--model", model, "--train-data", train, "--retrain-every", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches("model: stance (pro-serbia|pro-kosovo|neutral) \\(\\d\\.\\d\\d\\), tone -", run.Output);
        Assert.Contains("no suggestion for tone", run.Output);
        Assert.Contains("retraining is off: the model's head(s) topic are not in the labelling schema (stance, tone)", run.Output);
        var row = LabellingFixtures.Rows(dir.File("labels.csv")).Single();
        Assert.Contains(row[3], new[] { "pro-serbia", "pro-kosovo", "neutral" });
        Assert.Equal("heated", row[4]);
    }
}
