using System.Net;
using Classifier.Engine.Persistence;
using Classifier.Studio;
using Classifier.Studio.Labelling;
using Classifier.Studio.Reports;
using Classifier.Tests.Labelling;
using Classifier.Tests.Support;
using Classifier.Text.Labelling;
using Microsoft.Playwright;

namespace Classifier.Tests.Studio;

/// <summary>The Label page in a real browser: keyboard-only labelling, changing an earlier answer, escaping, both screen sizes.</summary>
[Collection(StudioCollection.Name)]
public sealed class LabelBrowserTests(StudioServers servers, Browser browser)
{
    private static async Task WaitForParagraph(IPage page, string id) =>
        await page.WaitForFunctionAsync($"() => document.getElementById('para-id') && document.getElementById('para-id').textContent === '{id}'");

    [BrowserFact]
    public async Task Paragraphs_are_labelled_with_the_keyboard_and_an_earlier_answer_is_changed_on_disk()
    {
        await using var server = await LabelServer.Start(servers.Small);
        var page = await browser.NewPage();
        await page.GotoAsync(new Uri(server.Url, "/label").ToString());
        await WaitForParagraph(page, "p1");
        Assert.Contains("6 remaining", await page.TextContentAsync("#progress-line"), StringComparison.Ordinal);
        Assert.Equal(LabelServer.ScriptText, await page.TextContentAsync("#para-next"));

        await page.Keyboard.PressAsync("s");
        await page.Keyboard.PressAsync("4");
        await WaitForParagraph(page, "p2");
        // The "<script>" of the paragraph is text on the page, and never ran.
        Assert.Equal(LabelServer.ScriptText, await page.TextContentAsync("#para-text"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
        await page.Keyboard.PressAsync("n");
        await page.Keyboard.PressAsync("3");
        await WaitForParagraph(page, "p3");
        await page.Keyboard.PressAsync("c");
        await page.Keyboard.TypeAsync("sure");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("1");
        await WaitForParagraph(page, "p4");
        await page.Keyboard.PressAsync("x");
        await WaitForParagraph(page, "p5");
        Assert.Contains("3 labelled · 3 remaining", await page.TextContentAsync("#progress-line"), StringComparison.Ordinal);
        Assert.Contains("neutral 1", await page.TextContentAsync("#counts"), StringComparison.Ordinal);

        // b goes to the earlier answers (newest first: p3, p2, p1); Tab to p2's, Enter picks it, two keys change it.
        await page.WaitForSelectorAsync("#answers li:nth-child(3)");
        await page.Keyboard.PressAsync("b");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("p2", await page.EvaluateAsync<string>("() => document.activeElement.dataset.id"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#task.editing");
        Assert.Equal(LabelServer.ScriptText, await page.TextContentAsync("#para-text"));
        await page.Keyboard.PressAsync("s");
        await page.Keyboard.PressAsync("5");
        await WaitForParagraph(page, "p5");
        await page.WaitForFunctionAsync("() => document.querySelector('#answers li[data-id=p2] .labels').textContent === 'pro-serbia · history'");

        var rows = server.Rows();
        Assert.Equal(5, rows.Length);
        Assert.StartsWith("id,article,text,stance,topic,annotator,note,labelled_at", rows[0], StringComparison.Ordinal);
        Assert.Contains("p1,a1,Belgrade insists on sovereignty over the north.,pro-serbia,governance,tester,,", rows[1], StringComparison.Ordinal);
        Assert.Contains(",neutral,dialogue,tester,,", rows[2], StringComparison.Ordinal);
        Assert.Contains("p3,a1,The talks in Brussels resume next week.,pro-kosovo,diplomacy,tester,sure,", rows[3], StringComparison.Ordinal);
        Assert.StartsWith("p2,a1,", rows[4], StringComparison.Ordinal);
        Assert.Contains(",pro-serbia,history,tester,,", rows[4], StringComparison.Ordinal);

        // u takes back the change: p2's answer before it is written again.
        await page.Keyboard.PressAsync("u");
        await page.WaitForFunctionAsync("() => document.querySelector('#answers li[data-id=p2] .labels').textContent === 'neutral · dialogue'");
        Assert.Equal(6, server.Rows().Length);
    }

    [BrowserFact]
    public async Task The_label_page_fits_1280_by_800_and_a_390_px_phone_and_is_photographed()
    {
        // The committed default model on the real seed paragraphs: the suggestions a person labelling would see.
        var seeds = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "data", "paragraphs.csv"));
        await using var server = await LabelServer.Start(servers.Small, servers.DefaultModel, paragraphs: seeds, modelPath: "models/default.zip");
        Directory.CreateDirectory(StudioBrowserTests.ScreenshotDir);
        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            var page = await browser.NewPage(width, height);
            await page.GotoAsync(new Uri(server.Url, "/label").ToString());
            await page.WaitForSelectorAsync("#suggestions li.model");
            if (width == 1280)
            {
                await page.Keyboard.PressAsync("a");
                await page.WaitForSelectorAsync("#answers li");
            }
            Assert.True(await page.IsVisibleAsync("#progress-line"));
            // Started without --train-data: the page says retraining is off and what it needs.
            Assert.Contains("--train-data", await page.TextContentAsync("#retrain-line"), StringComparison.Ordinal);
            await StudioBrowserTests.Fits(page, width);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StudioBrowserTests.ScreenshotDir, $"label-{width}x{height}.png") });
        }
    }

    [BrowserFact]
    public async Task A_label_value_of_markup_from_the_schema_is_shown_and_written_as_text()
    {
        const string schema = """{"heads": [{"name": "verdict", "values": ["<b>x</b>", "plain"], "keys": ["v", "p"]}]}""";
        await using var server = await LabelServer.Start(servers.Small, schema: schema);
        var page = await browser.NewPage();
        await page.GotoAsync(new Uri(server.Url, "/label").ToString());
        await WaitForParagraph(page, "p1");
        Assert.Equal("v <b>x</b>", await page.TextContentAsync("#heads button[data-value='<b>x</b>']"));
        Assert.Null(await page.QuerySelectorAsync("#heads b"));
        await page.Keyboard.PressAsync("v");
        await WaitForParagraph(page, "p2");
        Assert.Null(await page.QuerySelectorAsync("#answers b"));
        Assert.Contains("<b>x</b> 1", await page.TextContentAsync("#counts"), StringComparison.Ordinal);
        Assert.Contains(",<b>x</b>,tester,", server.Rows()[1], StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Two_tabs_answering_the_same_paragraph_write_one_row_and_the_second_hears_why()
    {
        await using var server = await LabelServer.Start(servers.Small);
        var first = await browser.NewPage();
        var second = await browser.NewPage();
        foreach (var tab in new[] { first, second })
        {
            await tab.GotoAsync(new Uri(server.Url, "/label").ToString());
            await WaitForParagraph(tab, "p1");
        }
        await first.Keyboard.PressAsync("s");
        await first.Keyboard.PressAsync("1");
        await WaitForParagraph(first, "p2");
        await second.Keyboard.PressAsync("k");
        await second.Keyboard.PressAsync("2");
        await second.WaitForSelectorAsync("#label-status.error");
        Assert.Contains("p1", await second.TextContentAsync("#label-status"), StringComparison.Ordinal);
        await WaitForParagraph(second, "p2");
        Assert.Equal(2, server.Rows().Length);
        Assert.Contains(",pro-serbia,diplomacy,", server.Rows()[1], StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_studio_without_labels_says_how_to_start_one()
    {
        var page = await browser.NewPage();
        await page.GotoAsync(new Uri(servers.SmallUrl, "/label").ToString());
        await page.WaitForSelectorAsync("#label-empty:not([hidden])");
        Assert.Contains("--labels", await page.TextContentAsync("#label-empty"), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task The_label_page_shows_retraining_after_every_n_answers_and_its_outcome()
    {
        using var dir = new TempDir();
        var (model, train, fresh) = LabellingFixtures.TrainedModelAndFreshParagraphs(dir);
        var files = new LabellingFiles(dir.File("labels.csv"), dir.File("paragraphs.csv"), null, TrainData: [train], RetrainEvery: 3);
        var (desk, store) = LabelSessionFactory.Open(files, ModelFile.Load(model), "tester", TextWriter.Null, model);
        using var held = store;
        await using var app = StudioApp.Build(servers.Small, new StudioOptions(IPAddress.Loopback, 0, null, model, ReportIndex.Empty, files), labelling: desk);
        await app.StartAsync();
        var page = await browser.NewPage();
        await page.GotoAsync(new Uri(Classifier.Api.ScoringApi.BoundAddress(app), "/label").ToString());
        await page.WaitForSelectorAsync("#para-id");
        Assert.Contains("retrained 0 times (every 3 answers)", await page.TextContentAsync("#retrain-line"), StringComparison.Ordinal);
        var heads = LabellingSchema.Codebook.Heads;
        for (int n = 0; n < 3; n++)
        {
            // The true labels of whichever paragraph the model put first, by their keys.
            var id = await page.TextContentAsync("#para-id") ?? "";
            var row = fresh[int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture)];
            for (int h = 0; h < heads.Count; h++)
            {
                var value = row[3 + h];
                await page.Keyboard.PressAsync(heads[h].Keys[heads[h].Values.ToList().IndexOf(value)].ToString());
            }
            await page.WaitForFunctionAsync($"() => document.getElementById('para-id').textContent !== '{id}'");
        }
        // The page follows the background retraining until it reports how it ended (swapped in or kept, with the figures).
        await page.WaitForFunctionAsync("() => document.getElementById('retrain-line').textContent.includes('last: ')", null, new PageWaitForFunctionOptions { Timeout = 300_000 });
        var line = await page.TextContentAsync("#retrain-line") ?? "";
        Assert.DoesNotContain("retraining…", line, StringComparison.Ordinal);
        Assert.Matches("retrained 1 time .*last: retrained on 36 training rows \\+ 3 answers|retrained 0 times .*last: kept the current model", line);
        Assert.Contains("kept in memory (no --save-model)", line, StringComparison.Ordinal);
        Assert.Equal(4, File.ReadAllLines(dir.File("labels.csv")).Length);
        await app.StopAsync();
    }
}
