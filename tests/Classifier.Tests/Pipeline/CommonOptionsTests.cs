using Classifier.Cli;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.Pipeline;

public class CommonOptionsTests
{
    [Theory]
    [InlineData("60s", 60)]
    [InlineData("90", 90)]
    [InlineData("2m", 120)]
    [InlineData("1h", 3600)]
    [InlineData("500ms", 0.5)]
    public void Durations_parse(string text, double seconds) => Assert.Equal(seconds, CommonOptions.ParseDuration(text).TotalSeconds, 6);

    [Fact]
    public void Bad_duration_and_setting_are_usage_errors()
    {
        Assert.Throws<UsageException>(() => CommonOptions.ParseDuration("soon"));
        Assert.Throws<UsageException>(() => CommonOptions.ParseDuration("1e20s"));
        Assert.Throws<UsageException>(() => CommonOptions.ParseSettings(["c"]));
        Assert.Equal("0.5", CommonOptions.ParseSettings(["C=0.5"])["c"]);
    }
}
