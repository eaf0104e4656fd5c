using System.CommandLine;
using System.Globalization;
using Classifier.Api;
using Classifier.Cli;
using Classifier.Engine.Persistence;
using Classifier.Scoring;
using Classifier.Text.Diagnostics;
using Microsoft.AspNetCore.Builder;

namespace Classifier.Predictor;

/// <summary><c>predictor serve</c>: the scoring API on its own, for pipelines (see the README's "Scoring API").</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = "Model file. Default: $CLASSIFIER_MODEL, else models/default.zip." };
        var port = CommonOptions.Port(ScoringApiOptions.DefaultPort);
        var host = CommonOptions.Host();
        var token = new Option<string?>("--token") { Description = "Require 'Authorization: Bearer TOKEN' on every request but /healthz. Off the loopback address one is generated and printed once when not given." };
        var command = new Command("serve", "Start the scoring API: POST /v1/predict, GET /v1/model, GET /healthz, OpenAPI at /openapi/v1.json.\n" +
            "Examples: predictor serve | predictor serve --model models/default.zip --port 8080 | predictor serve --host 0.0.0.0 --token \"$TOKEN\"\n" +
            "Diagnostics go to standard error. Exit codes: 2 bad command line or port in use, 4 bad model file, 130 stopped with Ctrl-C.")
        {
            model, port, host, token,
        };
        command.SetAction((parse, ct) => Serve(parse, ct, parse.GetValue(model), parse.GetValue(port), parse.GetValue(host)!, parse.GetValue(token)));
        return command;
    }

    private static async Task<int> Serve(ParseResult parse, CancellationToken ct, string? modelPath, int port, string host, string? token)
    {
        var error = parse.InvocationConfiguration.Error;
        var address = ListenAddress.Parse(host);
        ApiHost.CheckToken(token);
        var path = ModelLocator.Resolve(modelPath);
        var classifier = ModelFile.Load(path);
        token = ApiHost.ResolveToken("predictor", host, address, token, error);
        var app = ScoringApi.Build(new ArticleScoringService(classifier), new ScoringApiOptions(address, port, token));
        await using (app)
        {
            var heads = string.Join(", ", classifier.Heads.Select(h => h.Name));
            return await ApiHost.RunAsync(app, "predictor", host, port, bound => $"predictor: serving {bound} (model {path}: {heads}); Ctrl-C stops", error, ct);
        }
    }
}
