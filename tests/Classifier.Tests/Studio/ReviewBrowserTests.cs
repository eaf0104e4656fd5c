using Classifier.Tests.Labelling;
using Classifier.Tests.Support;
using Microsoft.Playwright;

namespace Classifier.Tests.Studio;

/// <summary>The Review page in a real browser: adjudicating by keyboard, the adjudicated file, the kappa shown, escaping, both screen sizes.</summary>
[Collection(StudioCollection.Name)]
public sealed class ReviewBrowserTests(StudioServers servers, Browser browser)
{
    private static async Task WaitForItem(IPage page, string id) =>
        await page.WaitForFunctionAsync($"() => document.getElementById('review-id') && !document.getElementById('review-task').hidden && document.getElementById('review-id').textContent === '{id}'");

    /// <summary>The kappa of a head in <c>trainer agreement</c>'s summary table, as it prints it.</summary>
    private static string TrainerKappa(string output, string head)
    {
        var row = output.Split('\n').Select(l => l.Split('│', StringSplitOptions.TrimEntries)).First(cells => cells.Length > 4 && cells[1] == head);
        return row[4];
    }

    [BrowserFact]
    public async Task Two_annotators_disagreements_are_adjudicated_by_keyboard_into_the_file_and_the_kappa_shown_is_trainer_agreements()
    {
        await using var server = await ReviewServer.Start(servers.Small);
        var page = await browser.NewPage();
        await page.GotoAsync(new Uri(server.Url, "/review").ToString());
        await WaitForItem(page, "r2");
        Assert.Contains("3 disagreements of first, second · 0 adjudicated · 3 to go", await page.TextContentAsync("#review-line"), StringComparison.Ordinal);

        // Side by side: each annotator's values and notes, all as text (the "<script>" never ran, the note's <i> is no element).
        Assert.Equal(ReviewServer.ScriptText, await page.TextContentAsync("#review-text"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
        Assert.Equal("stance neutral", await page.TextContentAsync("#votes li[data-annotator=first] [data-head=stance]"));
        Assert.Equal("stance pro-kosovo", await page.TextContentAsync("#votes li[data-annotator=second] [data-head=stance]"));
        Assert.Equal("note: " + ReviewServer.MarkupNote, await page.TextContentAsync("#votes li[data-annotator=first] .vnote"));
        Assert.Null(await page.QuerySelectorAsync("#votes i"));

        // The kappa shown is the one trainer agreement prints for the same two files.
        var run = CliRun.Trainer("agreement", server.FirstPath, server.SecondPath);
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var head in new[] { "stance", "topic" })
        {
            var shown = await page.TextContentAsync($"#agreement tr[data-head={head}] .kappa");
            Assert.Equal(TrainerKappa(run.Output, head), shown);
        }
        Assert.NotEqual("1.000", await page.TextContentAsync("#agreement tr[data-head=stance] .kappa"));

        // r2 differs on stance only: one key adjudicates it (the agreed topic is kept).
        await page.Keyboard.PressAsync("k");
        await WaitForItem(page, "r3");
        // r3 differs on topic: a note, then one key.
        await page.Keyboard.PressAsync("c");
        await page.Keyboard.TypeAsync("history it is");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("5");
        await WaitForItem(page, "r4");
        // r4 differs on both: x passes over it, and it comes round again as the only one open.
        await page.Keyboard.PressAsync("x");
        await page.WaitForFunctionAsync("() => document.getElementById('review-status').textContent.includes('no other')");
        await page.Keyboard.PressAsync("s");
        await page.Keyboard.PressAsync("6");
        await page.WaitForSelectorAsync("#review-empty:not([hidden])");
        Assert.Contains("3 adjudicated · 0 to go", await page.TextContentAsync("#review-line"), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#review-list li.done").CountAsync());

        var rows = server.Rows();
        Assert.Equal(4, rows.Length);
        Assert.Equal("id,article,text,stance,topic,annotator,note,labelled_at", rows[0]);
        Assert.StartsWith("r2,a1," + ReviewServer.ScriptText + ",pro-kosovo,dialogue,judge,,", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("r3,a1,The talks in Brussels resume next week.,neutral,history,judge,history it is,", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("r4,a2,Trade across the border fell last year.,pro-serbia,economy,judge,,", rows[3], StringComparison.Ordinal);

        // An adjudicated one is changed from the list (Tab to it, Enter): a later row, the earlier ones untouched.
        await page.Locator("#review-list button[data-id=r2]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await WaitForItem(page, "r2");
        Assert.Contains("adjudicated: pro-kosovo · dialogue", await page.TextContentAsync("#votes .adjudicated"), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("n");
        await page.WaitForFunctionAsync("() => document.querySelector('#review-list li[data-id=r2] .labels').textContent === 'neutral · dialogue'");
        var after = server.Rows();
        Assert.Equal(rows, after[..4]);
        Assert.StartsWith("r2,a1,", after[4], StringComparison.Ordinal);
        Assert.Contains(",neutral,dialogue,judge,,", after[4], StringComparison.Ordinal);

        // Reloaded, the review resumes: everything shows as adjudicated.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#review-empty:not([hidden])");
        Assert.Contains("3 adjudicated", await page.TextContentAsync("#review-line"), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_label_value_of_markup_is_shown_and_written_as_text()
    {
        const string value = "<script>window.pwned = 2</script>";
        const string schema = """{"heads": [{"name": "verdict", "values": ["<script>window.pwned = 2</script>", "plain"], "keys": ["v", "p"]}]}""";
        await using var server = await ReviewServer.Start(servers.Small, schema: schema,
            first: "id,text,verdict\nm1,A paragraph.,\"" + value + "\"\n", second: "id,verdict\nm1,plain\n");
        var page = await browser.NewPage();
        await page.GotoAsync(new Uri(server.Url, "/review").ToString());
        await WaitForItem(page, "m1");
        Assert.Equal("verdict " + value, await page.TextContentAsync("#votes li[data-annotator=first] [data-head=verdict]"));
        Assert.Equal(1, await page.Locator("script").CountAsync());
        await page.Keyboard.PressAsync("v");
        await page.WaitForSelectorAsync("#review-empty:not([hidden])");
        Assert.Equal(value, await page.TextContentAsync("#review-list li[data-id=m1] .labels"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
        Assert.StartsWith("m1,,A paragraph.," + value + ",judge,,", server.Rows()[1], StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task The_review_page_fits_1280_by_800_and_a_390_px_phone_and_is_photographed_on_the_audit_files()
    {
        // The label audit's two annotators (data/audit/), texts from the seed paragraphs and the synthetic articles.
        var audit = Path.Combine(Repo.Root, "data", "audit");
        string[] annotators = [Path.Combine(audit, "first.csv"), Path.Combine(audit, "second.csv")];
        string[] texts = [Path.Combine(Repo.Root, "data", "paragraphs.csv"), .. Directory.EnumerateFiles(Path.Combine(Repo.Root, "data", "articles"), "*.csv").Order(StringComparer.Ordinal)];
        await using var server = await ReviewServer.StartOn(servers.Small, annotators, texts);
        var run = CliRun.Trainer("agreement", annotators[0], annotators[1]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Directory.CreateDirectory(StudioBrowserTests.ScreenshotDir);
        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            var page = await browser.NewPage(width, height);
            await page.GotoAsync(new Uri(server.Url, "/review").ToString());
            await page.WaitForSelectorAsync("#review-task:not([hidden])");
            Assert.DoesNotContain("no text", await page.TextContentAsync("#review-text"), StringComparison.Ordinal);
            Assert.Contains("53 disagreements of first, second", await page.TextContentAsync("#review-line"), StringComparison.Ordinal);
            foreach (var head in new[] { "stance", "topic" })
                Assert.Equal(TrainerKappa(run.Output, head), await page.TextContentAsync($"#agreement tr[data-head={head}] .kappa"));
            await StudioBrowserTests.Fits(page, width);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StudioBrowserTests.ScreenshotDir, $"review-{width}x{height}.png") });
        }
        Assert.Empty(server.Rows());
    }
}
