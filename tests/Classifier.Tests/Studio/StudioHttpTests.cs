using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Classifier.Studio;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.Studio;

/// <summary>The studio over plain HTTP: the API it hosts, the Reports page's path rules, the token, the program's exit codes.</summary>
[Collection(StudioCollection.Name)]
public sealed class StudioHttpTests(StudioServers servers)
{
    private HttpClient Client(Uri server) => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server };

    [Fact]
    public async Task The_scoring_api_is_served_as_predictor_serve_serves_it()
    {
        using var client = Client(servers.SmallUrl);
        Assert.Equal("{\"status\":\"ok\"}", await client.GetStringAsync("/healthz"));
        var predict = await client.PostAsync("/v1/predict", StudioServers.Json("{\"text\": \"sovereignty belgrade\"}"));
        Assert.Equal(HttpStatusCode.OK, predict.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/v1/predict", StudioServers.Json("{"))).StatusCode);
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = openApi.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/v1/predict", paths);
        Assert.Contains("/studio/v1/highlights", paths);
        Assert.Contains("/studio/v1/reports", paths);
    }

    [Fact]
    public async Task Pages_and_assets_come_from_the_program_with_a_policy_against_other_origins()
    {
        using var client = Client(servers.SmallUrl);
        Assert.Equal("/score", (await client.GetAsync("/")).Headers.Location?.OriginalString);
        foreach (var path in new[] { "/score", "/reports", "/label", "/review", "/assets/studio.css", "/assets/studio.js" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
        var html = await client.GetStringAsync("/score");
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/score.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/..%2Fscore.html")).StatusCode);
    }

    [Fact]
    public async Task Reports_are_served_by_listed_name_only()
    {
        using var client = Client(servers.SmallUrl);
        using var list = JsonDocument.Parse(await client.GetStringAsync("/studio/v1/reports"));
        Assert.True(list.RootElement.GetProperty("configured").GetBoolean());
        var names = list.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Equal(["eval-small", "runs-second-run"], names.Order());
        Assert.DoesNotContain(servers.Dir.Path, list.RootElement.GetRawText(), StringComparison.Ordinal);
        var report = await client.GetAsync("/report-files/eval-small");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(servers.ReportsDir, "eval-small", "report.html")), await report.Content.ReadAsStringAsync());
        Assert.Contains("sandbox", report.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var secret = Uri.EscapeDataString(servers.SecretFile);
        foreach (var path in new[]
        {
            "/report-files/../secret.txt", "/report-files/..%2Fsecret.txt", "/report-files/..%2fsecret.txt", "/report-files/%2e%2e%2fsecret.txt",
            "/report-files/%2E%2E/secret.txt", "/report-files/eval-small/../../secret.txt", "/report-files/eval-small%2F..%2F..%2Fsecret.txt",
            "/report-files/eval-small/report.html", "/report-files/eval-small%2Freport.html", "/report-files/runs/second run",
            "/report-files/runs%2Fsecond%20run", "/report-files/" + secret, "/report-files/%2F" + secret.TrimStart('%', '2', 'F'),
            "/report-files//etc/passwd", "/report-files/%2Fetc%2Fpasswd", "/report-files/..%5Csecret.txt", "/report-files/EVAL-SMALL",
            "/report-files/", "/report-files/eval-small.", "/reports/../secret.txt", "/secret.txt", "/" + secret,
        })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(StudioServers.Secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Without_reports_the_list_says_none_was_given()
    {
        using var client = Client(servers.NoReportsUrl);
        Assert.Equal("{\"configured\":false,\"reports\":[]}", await client.GetStringAsync("/studio/v1/reports"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/report-files/eval-small")).StatusCode);
    }

    [Fact]
    public async Task Highlights_find_terms_in_the_text_and_reject_bad_bodies()
    {
        using var client = Client(servers.SmallUrl);
        var ok = await client.PostAsync("/studio/v1/highlights", StudioServers.Json("{\"paragraphs\": [{\"text\": \"Vučić met Kurti\", \"terms\": [\"vucic\", \"met kurti\", \"absent\"]}]}"));
        Assert.Equal("{\"paragraphs\":[[{\"start\":0,\"end\":5,\"term\":\"vucic\"},{\"start\":6,\"end\":15,\"term\":\"met kurti\"}]]}", await ok.Content.ReadAsStringAsync());
        var none = await client.PostAsync("/studio/v1/highlights", StudioServers.Json("{}"));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/studio/v1/highlights", StudioServers.Json("{\"paragraphs\": [{}]}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/studio/v1/highlights", StudioServers.Json("nonsense"))).StatusCode);
        var csv = await client.PostAsync("/studio/v1/score.csv", new StringContent("{\"article\": \"x\"}"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, csv.StatusCode);
    }

    [Fact]
    public async Task A_token_is_needed_for_everything_but_health_and_login_which_sets_a_strict_cookie()
    {
        using var client = Client(servers.ProtectedUrl);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        foreach (var path in new[] { "/score", "/reports", "/assets/studio.js", "/studio/v1/reports", "/report-files/eval-small", "/nowhere" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/login?token=wrong")).StatusCode);
        var login = await client.GetAsync("/login?token=" + StudioServers.Token);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/report-files/eval-small");
        page.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(page)).StatusCode);
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/studio/v1/reports");
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", StudioServers.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(bearer)).StatusCode);
    }

    [Fact]
    public void The_program_exits_as_predictor_serve_does_on_bad_options_models_and_folders()
    {
        Assert.Equal(ExitCodes.UsageError, Run("--port", "70000").ExitCode);
        Assert.Equal(ExitCodes.UsageError, Run("--token", " ").ExitCode);
        Assert.Equal(ExitCodes.UsageError, Run("--host", "example.org").ExitCode);
        Assert.Equal(ExitCodes.UsageError, Run("--modle", "m.zip").ExitCode);
        Assert.Equal(ExitCodes.ModelError, Run("--model", servers.Dir.File("missing.zip"), "--port", "0").ExitCode);
        var noReports = Run("--reports", servers.Dir.File("no-such-folder"), "--port", "0");
        Assert.Equal(ExitCodes.InputError, noReports.ExitCode);
        Assert.Contains("no such directory", noReports.Error, StringComparison.Ordinal);
        Assert.Contains("--labels", Run("--help").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_in_use_is_one_line_and_exit_2()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var run = Run("--model", servers.Dir.File("m.zip"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal($"studio: port {port} on 127.0.0.1 is in use; stop the program using it or pass another --port (0 picks a free one)", run.Error.Trim());
    }

    private static CliRun Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
