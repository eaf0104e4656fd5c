using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Classifier.Tests.Support;

namespace Classifier.Tests.Api;

public sealed class ServeCommandTests(ApiServers servers) : IClassFixture<ApiServers>
{
    [Fact]
    public async Task Serve_answers_requests_and_ctrl_c_stops_it_with_exit_130()
    {
        using var serve = new ServeProcess("--model", servers.ModelPath, "--port", "0");
        var address = await serve.Serving();
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(address.Host)), address.ToString());
        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        using var content = new StringContent("{\"text\": \"belgrade sovereignty\"}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1/predict", content)).StatusCode);
        serve.Interrupt();
        Assert.Equal(130, await serve.ExitCode());
        Assert.Contains("stopped", serve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_2()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        int port = ((IPEndPoint)holder.LocalEndpoint).Port;
        using var serve = new ServeProcess("--model", servers.ModelPath, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, await serve.ExitCode());
        var line = Assert.Single(serve.ErrorLines, l => l.Length > 0);
        Assert.Contains($"port {port} on 127.0.0.1 is in use", line, StringComparison.Ordinal);
        Assert.Contains("--port", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_loopback_a_token_is_generated_printed_once_and_required()
    {
        using var serve = new ServeProcess("--model", servers.ModelPath, "--port", "0", "--host", "0.0.0.0");
        var address = await serve.Serving();
        var token = Regex.Match(serve.Error, @"generated token \(shown once\): (\S+)").Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.Single(Regex.Matches(serve.Error, Regex.Escape(token)));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{address.Port}") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/model")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/model");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        serve.Interrupt();
        Assert.Equal(130, await serve.ExitCode());
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--port", "-1")]
    [InlineData("--host", "example.org")]
    [InlineData("--token", " ")]
    [InlineData("--bogus", "1")]
    public void A_wrong_command_line_is_exit_2(string option, string value)
    {
        var run = CliRun.Predictor(["serve", "--model", servers.ModelPath, option, value]);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("predictor", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_is_exit_4()
    {
        var run = CliRun.Predictor(["serve", "--model", servers.Dir.File("missing.zip"), "--port", "0"]);
        Assert.True(run.ExitCode == 4, run.ToString());
    }

    [Fact]
    public void Help_explains_the_endpoints_and_the_token_rule()
    {
        var run = CliRun.Predictor(["serve", "--help"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var text in new[] { "/v1/predict", "/v1/model", "/healthz", "/openapi/v1.json", "--token", "--port", "--host", "130" })
            Assert.Contains(text, run.Output, StringComparison.Ordinal);
    }
}
