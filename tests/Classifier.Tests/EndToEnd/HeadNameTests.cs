using Classifier.Engine.Pipeline;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.EndToEnd;

/// <summary>Heads named like the predictor's own output fields are refused when training, not discovered as duplicate JSON keys later.</summary>
public sealed class HeadNameTests
{
    [Theory]
    [InlineData("index")]
    [InlineData("id")]
    [InlineData("text")]
    [InlineData("Article")]
    public void A_head_named_like_an_output_field_is_a_usage_error(string head)
    {
        using var dir = new TempDir();
        // The text column is 'body', so 'text' and 'index' are free to be (mis)used as label columns; id and article exist already.
        var lines = Fixtures.StanceCsv().Replace("id,article,text,", "id,article,body,", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        bool extra = head is "index" or "text";
        var data = dir.Write("data.csv", string.Concat(lines.Select((l, i) => l + (!extra ? "" : i == 0 ? "," + head : i % 2 == 0 ? ",a" : ",b") + "\n")));
        var model = dir.File("m.zip");

        var run = CliRun.Trainer("train", "--data", data, "--text-col", "body", "--label-col", "stance", "--label-col", head, "--model", model, "--trainer", "nb", "--cv", "none");

        Assert.True(run.ExitCode == ExitCodes.UsageError, run.ToString());
        Assert.Contains($"a head cannot be named '{head}'", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void A_head_named_like_another_heads_derived_column_is_refused()
    {
        Assert.Contains("'stance_confidence'", HeadNames.Problem(["stance", "stance_confidence"]));
        Assert.Contains("'topic_p_x'", HeadNames.Problem(["topic_p_x", "topic"]));
        Assert.Null(HeadNames.Problem(["stance", "topic"]));
        Assert.Null(HeadNames.Problem(["label"]));
    }
}
