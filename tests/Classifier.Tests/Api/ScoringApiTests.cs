using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Classifier.Api;
using Classifier.Tests.Support;

namespace Classifier.Tests.Api;

public sealed class ScoringApiTests(ApiServers servers) : IClassFixture<ApiServers>
{
    private static readonly string Serbian = "The officials said that sovereignty and the separatist aggression worried belgrade after the police raid.";
    private static readonly string Kosovan = "Pristina said statehood and independence recognition were near as troops left.";

    [Fact]
    public async Task An_article_comes_back_byte_for_byte_as_the_predictor_prints_it()
    {
        var article = Fixtures.Article("pro-serbia") + "Source link\n***\n";
        var cli = CliRun.Predictor(["--model", servers.ModelPath, "--format", "json", "--explain", "--top-k", "2", "-"], article);
        Assert.True(cli.ExitCode == 0, cli.ToString());
        // The CLI names standard input's article "stdin" and its source "-"; the API's source is "request".
        var (status, body) = await Post(servers.Open, new { article, id = "stdin", explain = true, topK = 2 });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(cli.Output.Replace("\"source\": \"-\"", "\"source\": \"request\""), body);
        using var doc = JsonDocument.Parse(body);
        var texts = doc.RootElement[0].GetProperty("paragraphs").EnumerateArray().Select(p => p.GetProperty("text").GetString()).ToList();
        Assert.DoesNotContain("Source link", texts);
        Assert.DoesNotContain("***", texts);
        Assert.Equal(4, texts.Count); // the headline and three paragraphs
    }

    [Fact]
    public async Task One_text_is_one_paragraph_scored_as_the_predictor_scores_that_line()
    {
        var cli = CliRun.Predictor(["--model", servers.ModelPath, "--format", "json", "--explain", "-"], Serbian);
        Assert.True(cli.ExitCode == 0, cli.ToString());
        var (status, body) = await Post(servers.Open, new { text = Serbian, explain = true });
        Assert.Equal(HttpStatusCode.OK, status);
        var api = JsonNode.Parse(body)!.AsArray();
        var expected = JsonNode.Parse(cli.Output)!.AsArray();
        Assert.Single(api);
        Assert.Equal("text", (string?)api[0]!["article"]);
        Assert.Equal("text:1", (string?)api[0]!["paragraphs"]![0]!["id"]);
        Assert.Equal(Without(expected[0]!, "article", "source", "id"), Without(api[0]!, "article", "source", "id"));
        Assert.NotEmpty(api[0]!["paragraphs"]![0]!["stance"]!["explanation"]!.AsArray());
    }

    [Fact]
    public async Task Many_texts_give_one_article_each_in_order_and_a_text_without_letters_gets_no_label()
    {
        var (status, body) = await Post(servers.Open, new { texts = new[] { Serbian, "*** 12345", Kosovan } });
        Assert.Equal(HttpStatusCode.OK, status);
        var articles = JsonNode.Parse(body)!.AsArray();
        Assert.Equal(["texts[0]", "texts[1]", "texts[2]"], articles.Select(a => (string?)a!["article"]));
        Assert.Equal([1, 0, 1], articles.Select(a => (int)a!["paragraphCount"]!));
        Assert.Null(articles[1]!["slant"]);
        Assert.Equal("pro-serbia", (string?)articles[0]!["paragraphs"]![0]!["stance"]!["label"]);
        Assert.Equal("pro-kosovo", (string?)articles[2]!["paragraphs"]![0]!["stance"]!["label"]);
        Assert.Null(articles[0]!["paragraphs"]![0]!["stance"]!["explanation"]);
        // Each text is scored on its own: the same as sending it alone.
        var (_, alone) = await Post(servers.Open, new { text = Kosovan, id = "texts[2]" });
        Assert.Equal(JsonNode.Parse(alone)![0]!.ToJsonString(), articles[2]!.ToJsonString());
    }

    [Fact]
    public async Task Script_tags_in_a_text_come_back_json_escaped()
    {
        var text = "<script>alert('x')</script> " + Serbian;
        var (status, body) = await Post(servers.Open, new { text });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003E", body, StringComparison.Ordinal);
        Assert.Equal(text, (string?)JsonNode.Parse(body)![0]!["paragraphs"]![0]!["text"]);
    }

    [Fact]
    public async Task Concurrent_requests_agree_with_sequential_ones()
    {
        var texts = Enumerable.Range(0, 16).Select(i => (i % 2 == 0 ? Serbian : Kosovan) + $" Day {i} of the talks.").ToList();
        var sequential = new List<string>();
        foreach (var t in texts) sequential.Add((await Post(servers.Open, new { text = t, explain = true })).Body);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
            (Index: i % texts.Count, Body: (await Post(servers.Open, new { text = texts[i % texts.Count], explain = true })).Body)));
        foreach (var (index, body) in concurrent) Assert.Equal(sequential[index], body);
    }

    public static TheoryData<string, string?> BadBodies => new()
    {
        { "{\"text\": ", null },
        { "", null },
        { "[\"a\"]", null },
        { "{}", null },
        { "{\"text\": \"a\", \"article\": \"b\"}", null },
        { "{\"txt\": \"a\"}", "txt" },
        { "{\"text\": \"\"}", "text" },
        { "{\"text\": \"   \"}", "text" },
        { "{\"text\": null}", "text" },
        { "{\"text\": 5}", "text" },
        { "{\"article\": \"\"}", "article" },
        { "{\"texts\": []}", "texts" },
        { "{\"texts\": \"a\"}", "texts" },
        { "{\"texts\": [\"a\", \" \"]}", "texts[1]" },
        { "{\"texts\": [\"a\", null]}", "texts[1]" },
        { "{\"text\": \"a\", \"topK\": 0}", "topK" },
        { "{\"text\": \"a\", \"topK\": 1.5}", "topK" },
        { "{\"text\": \"a\", \"explain\": \"yes\"}", "explain" },
        { "{\"text\": \"a\", \"id\": \"\"}", "id" },
        { "{\"text\": \"police \\ud800 north\"}", "text" },
        { "{\"texts\": [\"a\", \"\\udc00\"]}", "texts[1]" },
        { "{\"text\": \"a\", \"id\": \"\\ud800\"}", "id" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_body_is_400_with_a_problem_document_naming_the_field(string json, string? field)
    {
        var (status, problem) = await PostRaw(servers.Open, json, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        Assert.Equal(field, (string?)problem["field"]);
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_400_not_a_crash()
    {
        using var content = new ByteArrayContent([.. "{\"text\": \""u8, 0xFF, 0xFE, .. " abc\"}"u8]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await servers.Open.PostAsync("/v1/predict", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("UTF-8 (byte 11)", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_body_that_is_not_json_is_415(string? contentType)
    {
        var (status, problem) = await PostRaw(servers.Open, "{\"text\": \"a\"}", contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("application/json", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_over_one_megabyte_is_413_naming_it()
    {
        var text = new string('a', ScoringApiLimits.Default.MaxTextBytes + 1);
        var (status, problem) = await PostRaw(servers.Open, JsonSerializer.Serialize(new { texts = new[] { "fine", text } }), "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("texts[1]", (string?)problem["field"]);
    }

    [Fact]
    public async Task More_texts_than_the_cap_is_413()
    {
        var texts = Enumerable.Repeat("a", ScoringApiLimits.Default.MaxTexts + 1).ToArray();
        var (status, problem) = await PostRaw(servers.Open, JsonSerializer.Serialize(new { texts }), "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("texts", (string?)problem["field"]);
        Assert.Contains("10,000", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_cap_is_413_with_or_without_a_length(bool chunked)
    {
        var json = JsonSerializer.Serialize(new { text = new string('a', ApiServers.SmallBodyCap) });
        using HttpContent content = chunked ? new ChunkedContent(json) : new StringContent(json, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/predict") { Content = content };
        using var response = await servers.SmallBody.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task With_a_token_every_request_without_it_is_401_but_healthz()
    {
        var (status, problem) = await PostRaw(servers.Protected, JsonSerializer.Serialize(new { text = Serbian }), "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("Bearer", (string?)problem["detail"], StringComparison.Ordinal);
        foreach (var path in new[] { "/v1/model", "/openapi/v1.json", "/no-such-path" })
        {
            using var response = await servers.Protected.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/v1/model"))
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiServers.Token + "x");
            Assert.Equal(HttpStatusCode.Unauthorized, (await servers.Protected.SendAsync(wrong)).StatusCode);
        }
        using (var right = new HttpRequestMessage(HttpMethod.Post, "/v1/predict"))
        {
            right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiServers.Token);
            right.Content = new StringContent(JsonSerializer.Serialize(new { text = Serbian }), Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.OK, (await servers.Protected.SendAsync(right)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await servers.Protected.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Model_lists_heads_labels_trainers_and_training_facts()
    {
        using var response = await servers.Open.GetAsync("/v1/model");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var model = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var heads = model["heads"]!.AsArray();
        Assert.Equal(servers.Scoring.Heads.Select(h => h.Name), heads.Select(h => (string?)h!["name"]));
        Assert.Equal(servers.Scoring.Heads[0].Labels, heads[0]!["labels"]!.AsArray().Select(l => (string?)l));
        Assert.Equal("sdca", (string?)heads[0]!["trainer"]);
        Assert.Equal(servers.Scoring.Model.Info.TrainingRows, (int)model["training"]!["trainingRows"]!);
        Assert.Equal(servers.Scoring.Model.Info.TrainingDataSha256, (string?)model["training"]!["trainingDataSha256"]);
    }

    [Fact]
    public async Task Healthz_says_ok()
    {
        using var response = await servers.Open.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        using var response = await servers.Open.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"]!;
        Assert.NotNull(paths["/v1/predict"]!["post"]!["requestBody"]);
        Assert.NotNull(paths["/v1/predict"]!["post"]!["responses"]!["413"]);
        Assert.NotNull(paths["/v1/model"]!["get"]);
        Assert.NotNull(paths["/healthz"]!["get"]);
    }

    [Fact]
    public async Task Unknown_paths_and_methods_get_problem_documents_listing_the_endpoints()
    {
        using var missing = await servers.Open.GetAsync("/v1/nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("POST /v1/predict", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var wrongMethod = await servers.Open.GetAsync("/v1/predict");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("application/problem+json", wrongMethod.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/README.md")]
    [InlineData("/models/default.zip")]
    [InlineData("/v1/../../README.md")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/m.zip")]
    public async Task No_path_serves_a_file(string path)
    {
        using var response = await servers.Open.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Without(JsonNode article, params string[] names)
    {
        var copy = article.DeepClone().AsObject();
        foreach (var n in names) copy.Remove(n);
        foreach (var p in copy["paragraphs"]!.AsArray()) foreach (var n in names) p!.AsObject().Remove(n);
        return copy.ToJsonString();
    }

    private static async Task<(HttpStatusCode Status, string Body)> Post(HttpClient client, object body)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/v1/predict", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<(HttpStatusCode Status, JsonNode Problem)> PostRaw(HttpClient client, string body, string? contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null) content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await client.PostAsync("/v1/predict", content);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>A body with no Content-Length, sent in chunks, as a streaming client sends it.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(string text)
        {
            _bytes = Encoding.UTF8.GetBytes(text);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (int at = 0; at < _bytes.Length; at += 512) await stream.WriteAsync(_bytes.AsMemory(at, Math.Min(512, _bytes.Length - at)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
