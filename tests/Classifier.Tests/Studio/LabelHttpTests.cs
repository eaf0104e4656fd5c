using System.Net;
using System.Text.Json;

namespace Classifier.Tests.Studio;

/// <summary>The Label page's endpoints over plain HTTP: every status they answer with, and what the labels file holds after.</summary>
[Collection(StudioCollection.Name)]
public sealed class LabelHttpTests(StudioServers servers)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> Send(HttpClient client, string path, string? json = null)
    {
        var response = json is null ? await client.GetAsync(path) : await client.PostAsync(path, StudioServers.Json(json));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string CurrentId(JsonElement state) => state.GetProperty("paragraph").GetProperty("id").GetString()!;

    [Fact]
    public async Task The_current_paragraph_comes_with_its_article_the_heads_and_their_keys_and_progress()
    {
        await using var server = await LabelServer.Start(servers.Small, Classifier.Engine.Persistence.ModelFile.Load(servers.Dir.File("m.zip")));
        using var client = new HttpClient { BaseAddress = server.Url };
        var (status, state) = await Send(client, "/studio/v1/label");
        Assert.Equal(HttpStatusCode.OK, status);
        var heads = state.GetProperty("heads").EnumerateArray().ToList();
        Assert.Equal(["stance", "topic"], heads.Select(h => h.GetProperty("name").GetString()));
        Assert.Equal(["s", "k", "n"], heads[0].GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
        var paragraph = state.GetProperty("paragraph");
        var model = paragraph.GetProperty("model");
        Assert.Equal("model", model.GetProperty("source").GetString());
        Assert.InRange(model.GetProperty("confidences")[0].GetDouble(), 0.0, 1.0);
        Assert.Contains(model.GetProperty("labels")[0].GetString(), new[] { "pro-serbia", "pro-kosovo", "neutral" });
        Assert.Equal(6, state.GetProperty("progress").GetProperty("remaining").GetInt32());
        Assert.Equal(0, state.GetProperty("progress").GetProperty("counts").GetProperty("stance").GetProperty("neutral").GetInt32());
        // Neighbours come from the same article only.
        var id = CurrentId(state);
        Assert.Equal(id is "p1" or "p4", paragraph.GetProperty("previous").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Answer_skip_undo_and_change_write_rows_and_refusals_write_none()
    {
        await using var server = await LabelServer.Start(servers.Small);
        using var client = new HttpClient { BaseAddress = server.Url };
        var (_, state) = await Send(client, "/studio/v1/label");
        Assert.Equal("p1", CurrentId(state));
        Assert.True(state.GetProperty("paragraph").GetProperty("previous").ValueKind == JsonValueKind.Null);
        Assert.Equal(LabelServer.ScriptText, state.GetProperty("paragraph").GetProperty("next").GetString());

        (var status, state) = await Send(client, "/studio/v1/label/answer", """{"id":"p1","labels":{"stance":"pro-serbia","topic":"governance"},"note":"first"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("p2", CurrentId(state));
        Assert.Equal(1, state.GetProperty("progress").GetProperty("counts").GetProperty("stance").GetProperty("pro-serbia").GetInt32());

        // The same paragraph answered again (a second tab): 409, and no second row.
        (status, var problem) = await Send(client, "/studio/v1/label/answer", """{"id":"p1","labels":{"stance":"neutral","topic":"other"}}""");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("p1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        (status, problem) = await Send(client, "/studio/v1/label/answer", """{"id":"p2","labels":{"stance":"pro-mars","topic":"other"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("labels", problem.GetProperty("field").GetString());
        Assert.Contains("pro-mars", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (status, problem) = await Send(client, "/studio/v1/label/answer", """{"id":"p2","labels":{"stance":"neutral","colour":"red"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("labels.colour", problem.GetProperty("field").GetString());
        (status, problem) = await Send(client, "/studio/v1/label/answer", """{"labels":{"stance":"neutral","topic":"other"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("id", problem.GetProperty("field").GetString());
        (status, _) = await Send(client, "/studio/v1/label/answer", """{"id":"nope","labels":{"stance":"neutral","topic":"other"}}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        (status, _) = await Send(client, "/studio/v1/label/change", """{"id":"nope","labels":{"stance":"neutral","topic":"other"}}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        (status, _) = await Send(client, "/studio/v1/label/skip", """{"id":"nope"}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(2, server.Rows().Length);

        (status, state) = await Send(client, "/studio/v1/label/skip", """{"id":"p2"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("p3", CurrentId(state));
        (status, _) = await Send(client, "/studio/v1/label/answer", """{"id":"p3","labels":{"stance":"neutral","topic":"dialogue"}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        (status, state) = await Send(client, "/studio/v1/label/undo", "{}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("p3", CurrentId(state));

        (status, state) = await Send(client, "/studio/v1/label/change", """{"id":"p1","labels":{"stance":"neutral","topic":"governance"}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        (status, var answers) = await Send(client, "/studio/v1/label/answers");
        Assert.Equal(HttpStatusCode.OK, status);
        var only = Assert.Single(answers.GetProperty("answers").EnumerateArray());
        Assert.Equal("p1", only.GetProperty("id").GetString());
        Assert.Equal("neutral", only.GetProperty("labels")[0].GetString());
        Assert.Equal("first", only.GetProperty("note").GetString());
        (status, _) = await Send(client, "/studio/v1/label/change", """{"id":"p4","labels":{"stance":"neutral","topic":"other"}}""");
        Assert.Equal(HttpStatusCode.Conflict, status);

        var rows = server.Rows();
        Assert.Equal(5, rows.Length);
        Assert.StartsWith("p1,a1,", rows[1], StringComparison.Ordinal);
        Assert.Contains(",pro-serbia,governance,tester,first,", rows[1], StringComparison.Ordinal);
        Assert.Contains(CsvLabelStoreNote, rows[3], StringComparison.Ordinal);
        Assert.Contains(",neutral,governance,tester,first,", rows[4], StringComparison.Ordinal);
    }

    private const string CsvLabelStoreNote = Classifier.Labelling.CsvLabelStore.WithdrawnNote;

    [Fact]
    public async Task Undo_with_nothing_to_undo_and_a_studio_without_labels_are_conflicts()
    {
        await using var server = await LabelServer.Start(servers.Small);
        using var client = new HttpClient { BaseAddress = server.Url };
        var (status, problem) = await Send(client, "/studio/v1/label/undo", "{}");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("nothing", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var plain = new HttpClient { BaseAddress = servers.SmallUrl };
        (status, problem) = await Send(plain, "/studio/v1/label");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("--labels", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (status, _) = await Send(client, "/studio/v1/label/answer", "{");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var text = await client.PostAsync("/studio/v1/label/answer", new StringContent("id=p1", System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Empty(server.Rows());

        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = openApi.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/studio/v1/label", "/studio/v1/label/answer", "/studio/v1/label/skip", "/studio/v1/label/undo", "/studio/v1/label/answers", "/studio/v1/label/change" })
            Assert.Contains(path, paths);
    }

    [Fact]
    public async Task A_labels_file_edited_on_disk_is_a_conflict_and_keeps_what_is_in_it()
    {
        await using var server = await LabelServer.Start(servers.Small);
        using var client = new HttpClient { BaseAddress = server.Url };
        var (status, _) = await Send(client, "/studio/v1/label/answer", """{"id":"p1","labels":{"stance":"neutral","topic":"other"}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var edited = server.Rows()[0] + "\n" + server.Rows()[1].Replace("neutral", "pro-kosovo", StringComparison.Ordinal) + "\n";
        await File.WriteAllTextAsync(server.LabelsPath, edited);
        (status, var problem) = await Send(client, "/studio/v1/label/answer", """{"id":"p2","labels":{"stance":"neutral","topic":"other"}}""");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("changed on disk", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(edited, await File.ReadAllTextAsync(server.LabelsPath));
    }
}
