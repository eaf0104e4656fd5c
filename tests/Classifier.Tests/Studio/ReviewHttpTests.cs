using System.Net;
using System.Text.Json;
using Classifier.Labelling;
using Classifier.Studio;
using Classifier.Studio.Labelling;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.Studio;

/// <summary>The Review page's endpoints over plain HTTP: every status they answer with, and what the adjudicated file holds after.</summary>
[Collection(StudioCollection.Name)]
public sealed class ReviewHttpTests(StudioServers servers)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> Send(HttpClient client, string path, string? json = null)
    {
        var response = json is null ? await client.GetAsync(path) : await client.PostAsync(path, StudioServers.Json(json));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static List<string> Ids(JsonElement state) => [.. state.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    [Fact]
    public async Task The_disagreements_come_side_by_side_with_notes_agreed_heads_and_the_agreement_trainer_agreement_computes()
    {
        await using var server = await ReviewServer.Start(servers.Small);
        using var client = new HttpClient { BaseAddress = server.Url };
        var (status, state) = await Send(client, "/studio/v1/review");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["r2", "r3", "r4"], Ids(state));
        Assert.Equal(["first", "second"], state.GetProperty("annotators").EnumerateArray().Select(a => a.GetString()));
        var r2 = state.GetProperty("items")[0];
        Assert.Equal(ReviewServer.ScriptText, r2.GetProperty("text").GetString());
        var votes = r2.GetProperty("votes").EnumerateArray().ToList();
        Assert.Equal(["neutral", "dialogue"], votes[0].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        // The second annotator's "Pro-Kosovo" in the schema's spelling, and their note.
        Assert.Equal(["pro-kosovo", "dialogue"], votes[1].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(ReviewServer.MarkupNote, votes[0].GetProperty("note").GetString());
        Assert.Equal("an answer to Belgrade", votes[1].GetProperty("note").GetString());
        Assert.Equal([true, false], r2.GetProperty("disagrees").EnumerateArray().Select(d => d.GetBoolean()));
        Assert.Equal(JsonValueKind.Null, r2.GetProperty("agreed")[0].ValueKind);
        Assert.Equal("dialogue", r2.GetProperty("agreed")[1].GetString());
        Assert.Equal(3, state.GetProperty("progress").GetProperty("remaining").GetInt32());

        var pair = Assert.Single(state.GetProperty("agreement").EnumerateArray());
        var expected = Agreement.Compare(server.FirstPath, server.SecondPath);
        foreach (var head in pair.GetProperty("heads").EnumerateArray())
        {
            var r = expected.Single(e => e.Column == head.GetProperty("head").GetString());
            Assert.Equal(r.Count, head.GetProperty("count").GetInt32());
            Assert.Equal(r.Kappa, head.GetProperty("kappa").GetDouble(), 12);
            Assert.Equal(r.PercentAgreement, head.GetProperty("percentAgreement").GetDouble(), 12);
        }
        // Five ids both labelled, stance differs on two: 3/5 agree.
        Assert.Equal(0.6, pair.GetProperty("heads")[0].GetProperty("percentAgreement").GetDouble(), 12);
    }

    [Fact]
    public async Task An_answer_is_appended_and_flushed_and_every_refusal_is_a_problem_naming_the_field_and_writes_nothing()
    {
        await using var server = await ReviewServer.Start(servers.Small);
        using var client = new HttpClient { BaseAddress = server.Url };
        // r2 differs on stance only: the agreed topic is filled in.
        var (status, state) = await Send(client, "/studio/v1/review/answer", """{"id":"r2","labels":{"stance":"pro-kosovo"},"note":"second is right"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, state.GetProperty("progress").GetProperty("remaining").GetInt32());
        Assert.Equal(["pro-kosovo", "dialogue"], state.GetProperty("items")[0].GetProperty("adjudicated").EnumerateArray().Select(l => l.GetString()));
        var rows = server.Rows();
        Assert.Equal(2, rows.Length);
        Assert.Equal("id,article,text,stance,topic,annotator,note,labelled_at", rows[0]);
        Assert.StartsWith("r2,a1," + ReviewServer.ScriptText + ",pro-kosovo,dialogue,judge,second is right,", rows[1], StringComparison.Ordinal);

        (status, var problem) = await Send(client, "/studio/v1/review/answer", """{"id":"r3","labels":{"stance":"neutral","topic":"pro-mars"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("labels", problem.GetProperty("field").GetString());
        Assert.Contains("pro-mars", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (status, problem) = await Send(client, "/studio/v1/review/answer", """{"id":"r3","labels":{"colour":"red"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("labels.colour", problem.GetProperty("field").GetString());
        // r3's topic differs: leaving it out is not an answer.
        (status, problem) = await Send(client, "/studio/v1/review/answer", """{"id":"r3","labels":{"stance":"neutral"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("topic", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (status, problem) = await Send(client, "/studio/v1/review/answer", """{"labels":{"stance":"neutral"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("id", problem.GetProperty("field").GetString());
        (status, _) = await Send(client, "/studio/v1/review/answer", "{");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        // Unknown ids, and r1 which the annotators agree on, are not under review.
        foreach (var id in new[] { "nope", "r1", "r6" })
        {
            (status, problem) = await Send(client, "/studio/v1/review/answer", "{\"id\":\"" + id + "\",\"labels\":{\"stance\":\"neutral\",\"topic\":\"other\"}}");
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        (status, _) = await Send(client, "/studio/v1/review/change", """{"id":"nope","labels":{"stance":"neutral","topic":"other"}}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        // Adjudicated already (another tab): 409; a change of one not adjudicated yet: 409.
        (status, problem) = await Send(client, "/studio/v1/review/answer", """{"id":"r2","labels":{"stance":"neutral"}}""");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("r2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (status, _) = await Send(client, "/studio/v1/review/change", """{"id":"r3","labels":{"stance":"neutral","topic":"history"}}""");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(rows, server.Rows());

        (status, state) = await Send(client, "/studio/v1/review/change", """{"id":"r2","labels":{"stance":"neutral"}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var after = server.Rows();
        Assert.Equal(3, after.Length);
        Assert.Equal(rows, after[..2]);
        Assert.Contains(",neutral,dialogue,judge,second is right,", after[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_resumes_from_the_adjudicated_file_and_only_appends_to_it()
    {
        const string earlier = "id,stance,topic,annotator,note\nr3,neutral,history,judge-0,settled yesterday\n";
        await using var server = await ReviewServer.Start(servers.Small, adjudicated: earlier);
        using var client = new HttpClient { BaseAddress = server.Url };
        var (status, state) = await Send(client, "/studio/v1/review");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, state.GetProperty("progress").GetProperty("adjudicated").GetInt32());
        var r3 = state.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "r3");
        Assert.Equal(["neutral", "history"], r3.GetProperty("adjudicated").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("settled yesterday", r3.GetProperty("adjudicatedNote").GetString());
        (status, _) = await Send(client, "/studio/v1/review/answer", """{"id":"r3","labels":{"stance":"neutral","topic":"dialogue"}}""");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(earlier, await File.ReadAllTextAsync(server.AdjudicatedPath));

        (status, _) = await Send(client, "/studio/v1/review/answer", """{"id":"r4","labels":{"stance":"neutral","topic":"economy"}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = server.Rows();
        // The file gained its labelled_at column once (as the labeller adds it), kept its row, and got one more.
        Assert.Equal("id,stance,topic,annotator,note,labelled_at", rows[0]);
        Assert.Equal("r3,neutral,history,judge-0,settled yesterday,", rows[1]);
        Assert.StartsWith("r4,neutral,economy,judge,,", rows[2], StringComparison.Ordinal);
        Assert.Equal(3, rows.Length);
    }

    [Fact]
    public async Task Three_annotators_get_one_kappa_per_pair_and_a_studio_without_a_review_is_a_conflict()
    {
        const string third = "id,stance,topic\nr1,neutral,governance\nr2,pro-kosovo,dialogue\nr3,neutral,dialogue\nr4,neutral,economy\nr5,pro-kosovo,security\n";
        await using var server = await ReviewServer.Start(servers.Small, third: third);
        using var client = new HttpClient { BaseAddress = server.Url };
        var (_, state) = await Send(client, "/studio/v1/review");
        Assert.Equal(["r1", "r2", "r3", "r4"], Ids(state));
        var pairs = state.GetProperty("agreement").EnumerateArray().Select(p => p.GetProperty("first").GetString() + "|" + p.GetProperty("second").GetString()).ToList();
        Assert.Equal(["first|second", "first|third", "second|third"], pairs);
        Assert.Contains("pairwise", state.GetProperty("measure").GetString(), StringComparison.Ordinal);
        var firstThird = state.GetProperty("agreement")[1].GetProperty("heads")[0];
        Assert.Equal(Agreement.Compare(server.FirstPath, server.Dir.File("third.csv")).Single(r => r.Column == "stance").Kappa, firstThird.GetProperty("kappa").GetDouble(), 12);

        using var plain = new HttpClient { BaseAddress = servers.SmallUrl };
        var (status, problem) = await Send(plain, "/studio/v1/review");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("--review", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (status, _) = await Send(plain, "/studio/v1/review/answer", """{"id":"r2","labels":{"stance":"neutral"}}""");
        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Fact]
    public void Bad_review_options_are_refused_before_anything_is_written()
    {
        using var dir = new TempDir();
        var a = dir.Write("a.csv", ReviewServer.First);
        var b = dir.Write("b.csv", "id,stance\nr1,neutral\n");
        Assert.Contains("two annotators", Assert.Throws<InputException>(() => ReviewSessionFactory.Open(new ReviewFiles([a], dir.File("out.csv"), []), null, "j", TextWriter.Null)).Message, StringComparison.Ordinal);
        Assert.Contains("--adjudicated", Assert.Throws<InputException>(() => ReviewSessionFactory.Open(new ReviewFiles([a, b], null, []), null, "j", TextWriter.Null)).Message, StringComparison.Ordinal);
        Assert.Contains("one of the annotators", Assert.Throws<InputException>(() => ReviewSessionFactory.Open(new ReviewFiles([a, b], a, []), null, "j", TextWriter.Null)).Message, StringComparison.Ordinal);
        Assert.Contains("no topic column", Assert.Throws<InputException>(() => ReviewSessionFactory.Open(new ReviewFiles([a, b], dir.File("out.csv"), []), null, "j", TextWriter.Null)).Message, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.csv")));
        Assert.False(File.Exists(dir.File("out.csv.lock")));
        Assert.Equal(ReviewServer.First, File.ReadAllText(a));
    }

    [Fact]
    public void Texts_missing_from_the_annotators_files_come_from_the_texts_given()
    {
        using var dir = new TempDir();
        var a = dir.Write("a.csv", "id,stance,topic\nq1,neutral,other\n");
        var b = dir.Write("b.csv", "id,stance,topic\nq1,pro-serbia,other\n");
        var texts = dir.Write("p.csv", "id,article,text\nq1,art,The text of q1.\n");
        var (desk, store) = ReviewSessionFactory.Open(new ReviewFiles([a, b], dir.File("out.csv"), [texts]), null, "j", TextWriter.Null);
        using (store)
        {
            var item = Assert.Single(desk.Session!.Items);
            Assert.Equal(("art", "The text of q1."), (item.Article, item.Text));
        }
    }
}
