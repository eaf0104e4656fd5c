using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Classifier.Api;
using Classifier.Engine.Persistence;
using Classifier.Scoring;
using Classifier.Tests.Labelling;

namespace Classifier.Tests.Api;

/// <summary>The README's "Scoring API" example, run against the committed default model: its response is the real one.</summary>
public sealed class ReadmeScoringApiTests
{
    private const string Text = "Kurti's so-called government sent special police north.";

    // The default model has an ML.NET head: without this the test passes only when another test registered the engine first.

    [Fact]
    public async Task The_readmes_example_response_is_what_the_api_answers()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var section = readme[readme.IndexOf("## Scoring API", StringComparison.Ordinal)..];
        int request = section.IndexOf("\"text\": \"Kurti'\"'\"'s so-called government sent special police north.\", \"topK\": 2, \"explain\": true", StringComparison.Ordinal);
        Assert.True(request > 0, "the README's example request changed; update this test with it");
        int start = section.IndexOf("\n[\n", request, StringComparison.Ordinal) + 1;
        int end = section.IndexOf("\n]\n", start, StringComparison.Ordinal) + 2;
        var documented = JsonNode.Parse(section[start..end]);

        var scoring = new ArticleScoringService(ModelFile.Load(Path.Combine(Repo.Root, "models", "default.zip")));
        await using var app = ScoringApi.Build(scoring, new ScoringApiOptions(IPAddress.Loopback, 0));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = ScoringApi.BoundAddress(app) };
        using var content = new StringContent(JsonSerializer.Serialize(new { text = Text, topK = 2, explain = true }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/v1/predict", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(JsonNode.DeepEquals(documented, actual), $"README:\n{documented}\nAPI:\n{actual}");
        await app.StopAsync();
    }
}
