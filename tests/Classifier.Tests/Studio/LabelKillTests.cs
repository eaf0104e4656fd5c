using System.Net;
using Classifier.Tests.Api;
using Classifier.Tests.Labelling;
using Classifier.Tests.Support;

namespace Classifier.Tests.Studio;

/// <summary>The studio as a real process killed mid-session: every answer it acknowledged is in the labels file.</summary>
public sealed class LabelKillTests
{
    [Fact]
    public async Task Answers_survive_kill_9_of_the_studio()
    {
        using var dir = new TempDir();
        var input = dir.Write("paragraphs.csv", LabelServer.Paragraphs);
        var labels = dir.File("labels.csv");
        var model = Path.Combine(Repo.Root, "models", "default.zip");
        using var studio = ServeProcess.Studio("--model", model, "--port", "0", "--labels", labels, "--in", input, "--annotator", "killer");
        var url = await studio.Serving();
        using var client = new HttpClient { BaseAddress = url };
        var answered = new List<string>();
        foreach (var id in new[] { "p1", "p2", "p3" })
        {
            var response = await client.PostAsync("/studio/v1/label/answer",
                StudioServers.Json("{\"id\":\"" + id + "\",\"labels\":{\"stance\":\"neutral\",\"topic\":\"other\"}}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answered.Add(id);
        }
        studio.KillHard();
        var rows = File.ReadAllLines(labels);
        Assert.Equal(answered, rows.Skip(1).Select(r => r.Split(',')[0]));
        Assert.All(rows.Skip(1), r => Assert.Contains(",neutral,other,killer,", r, StringComparison.Ordinal));
    }
}
