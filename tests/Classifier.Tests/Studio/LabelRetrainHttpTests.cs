using System.Net;
using System.Text.Json;
using Classifier.Engine.Persistence;
using Classifier.Studio;
using Classifier.Studio.Labelling;
using Classifier.Studio.Reports;
using Classifier.Tests.Labelling;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.Studio;

/// <summary>The Label page retrains as <c>trainer label</c> does (--train-data, --retrain-every), and never writes the --model file.</summary>
[Collection(StudioCollection.Name)]
public sealed class LabelRetrainHttpTests(StudioServers servers)
{
    private static async Task<JsonElement> Get(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task After_every_n_answers_the_model_is_retrained_in_the_background_saved_beside_and_the_model_file_is_unchanged()
    {
        using var dir = new TempDir();
        var (model, train, fresh) = LabellingFixtures.TrainedModelAndFreshParagraphs(dir);
        var before = await File.ReadAllBytesAsync(model);
        var saved = dir.File("labels.model.zip");
        var files = new LabellingFiles(dir.File("labels.csv"), dir.File("paragraphs.csv"), null, TrainData: [train], RetrainEvery: 3, SaveModel: saved);
        var (desk, store) = LabelSessionFactory.Open(files, ModelFile.Load(model), "tester", TextWriter.Null, model);
        using var held = store;
        await using var app = StudioApp.Build(servers.Small, new StudioOptions(IPAddress.Loopback, 0, null, model, ReportIndex.Empty, files), labelling: desk);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = Classifier.Api.ScoringApi.BoundAddress(app) };

        var state = await Get(client, "/studio/v1/label");
        Assert.True(state.GetProperty("retraining").GetProperty("enabled").GetBoolean());
        Assert.Equal(0, state.GetProperty("retraining").GetProperty("retrained").GetInt32());
        for (int i = 0; i < 3; i++)
        {
            var answer = await client.PostAsync("/studio/v1/label/answer",
                StudioServers.Json(JsonSerializer.Serialize(new { id = $"q{i}", labels = new Dictionary<string, string> { ["stance"] = fresh[i][3], ["topic"] = fresh[i][4] } })));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        // The third answer started it; the page polls until it has ended (no time limit is asserted, only an upper bound on waiting).
        JsonElement retraining = default;
        var deadline = DateTime.UtcNow.AddMinutes(5);
        do
        {
            retraining = await Get(client, "/studio/v1/label/retraining");
            if (retraining.GetProperty("retrained").GetInt32() > 0) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        Assert.Equal(1, retraining.GetProperty("retrained").GetInt32());
        Assert.False(retraining.GetProperty("running").GetBoolean());
        Assert.Contains("retrained on 36 training rows + 3 answers", retraining.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(saved, retraining.GetProperty("savedTo").GetString());

        // The retrained model is the one beside the labels, trained on the model's rows plus the answers; the model file is untouched.
        Assert.Equal(39, ModelFile.Load(saved).Info.TrainingRows);
        Assert.Equal(before, await File.ReadAllBytesAsync(model));
        state = await Get(client, "/studio/v1/label");
        Assert.Equal(1, state.GetProperty("retraining").GetProperty("retrained").GetInt32());
        await app.StopAsync();
    }

    [Fact]
    public async Task Without_train_data_retraining_is_off_and_says_why_and_save_model_cannot_be_the_model()
    {
        await using var server = await LabelServer.Start(servers.Small, ModelFile.Load(servers.Dir.File("m.zip")));
        using var client = new HttpClient { BaseAddress = server.Url };
        var retraining = (await Get(client, "/studio/v1/label")).GetProperty("retraining");
        Assert.False(retraining.GetProperty("enabled").GetBoolean());
        Assert.Contains("--train-data", retraining.GetProperty("message").GetString(), StringComparison.Ordinal);

        using var dir = new TempDir();
        var model = servers.Dir.File("m.zip");
        var before = await File.ReadAllBytesAsync(model);
        var input = dir.Write("paragraphs.csv", LabelServer.Paragraphs);
        var files = new LabellingFiles(dir.File("labels.csv"), input, null, SaveModel: model);
        var refused = Assert.Throws<InputException>(() => LabelSessionFactory.Open(files, ModelFile.Load(model), "tester", TextWriter.Null, model));
        Assert.Contains("--save-model is the --model file", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("labels.csv.lock")));
        Assert.Equal(before, await File.ReadAllBytesAsync(model));
    }
}
