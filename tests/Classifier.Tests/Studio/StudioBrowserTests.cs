using System.Globalization;
using System.Text.Json;
using Classifier.Tests.Labelling;
using Classifier.Tests.Support;
using Microsoft.Playwright;

namespace Classifier.Tests.Studio;

/// <summary>The studio's pages in a real browser: scoring, escaping, reports, keyboard use and both screen sizes.</summary>
[Collection(StudioCollection.Name)]
public sealed class StudioBrowserTests(StudioServers servers, Browser browser)
{
    internal static readonly string ScreenshotDir = Environment.GetEnvironmentVariable("STUDIO_SCREENSHOTS") is { Length: > 0 } dir
        ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");

    private static async Task Score(IPage page, Uri server, string article)
    {
        await page.GotoAsync(new Uri(server, "/score").ToString());
        await page.FillAsync("#article-text", article);
        await page.ClickAsync("#score-button");
        await page.WaitForSelectorAsync("#paragraphs li");
    }

    [BrowserFact]
    public async Task Scoring_shows_the_apis_labels_probabilities_and_highlights_its_terms()
    {
        var article = Fixtures.Article("pro-serbia", paragraphs: 3) + "Both sides urged restraint and calm dialogue with the police.\n";
        var page = await browser.NewPage();
        await Score(page, servers.SmallUrl, article);

        using var client = new HttpClient { BaseAddress = servers.SmallUrl };
        var response = await client.PostAsync("/v1/predict", StudioServers.Json(JsonSerializer.Serialize(new { article, id = "article", explain = true, topK = 1000 })));
        using var api = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paragraphs = api.RootElement[0].GetProperty("paragraphs");
        var shown = await page.QuerySelectorAllAsync("#paragraphs > li");
        Assert.Equal(paragraphs.GetArrayLength(), shown.Count);
        Assert.Equal(FormattableString.Invariant($"slant {api.RootElement[0].GetProperty("slant").GetDouble():F4}"), await page.TextContentAsync("#slant"));

        int marked = 0;
        for (int i = 0; i < shown.Count; i++)
        {
            var expected = paragraphs[i];
            var li = shown[i];
            Assert.Equal(expected.GetProperty("id").GetString(), await li.GetAttributeAsync("data-id"));
            Assert.Equal(expected.GetProperty("text").GetString(), await (await li.QuerySelectorAsync(".text"))!.TextContentAsync());
            foreach (var head in new[] { "stance", "topic" })
            {
                var result = expected.GetProperty(head);
                var box = (await li.QuerySelectorAsync($".head[data-head={head}]"))!;
                Assert.Equal(result.GetProperty("label").GetString(), await (await box.QuerySelectorAsync(".label"))!.TextContentAsync());
                Assert.Equal(Percent(result.GetProperty("confidence").GetDouble()), await (await box.QuerySelectorAsync(".confidence"))!.TextContentAsync());
                foreach (var top in result.GetProperty("top").EnumerateArray())
                {
                    var row = (await box.QuerySelectorAsync($"li[data-label='{top.GetProperty("label").GetString()}'] .num"))!;
                    Assert.Equal(Percent(top.GetProperty("probability").GetDouble()), await row.TextContentAsync());
                }
            }
            // Highlights are the stance head's terms (the page's default), each where the text has it.
            var terms = paragraphs[i].GetProperty("stance").GetProperty("explanation").EnumerateArray()
                .ToDictionary(t => t.GetProperty("term").GetString()!, t => t.GetProperty("contribution").GetDouble());
            Assert.NotEmpty(terms);
            foreach (var mark in await li.QuerySelectorAllAsync("mark[data-term]"))
            {
                var term = (await mark.GetAttributeAsync("data-term"))!;
                Assert.True(terms.ContainsKey(term), $"'{term}' is highlighted but not among the API's terms");
                Assert.Equal(term, (await mark.TextContentAsync())!.ToLowerInvariant());
                Assert.Equal(terms[term] >= 0 ? "pos" : "neg", await mark.GetAttributeAsync("class"));
                marked++;
            }
            // Every single-word term of the API occurs in the text, so each is highlighted unless a longer one covers it.
            var text = (await (await li.QuerySelectorAsync(".text"))!.TextContentAsync())!.ToLowerInvariant();
            var markedText = string.Join(' ', await Task.WhenAll((await li.QuerySelectorAllAsync("mark")).Select(m => m.TextContentAsync())));
            var words = paragraphs[i].GetProperty("stance").GetProperty("explanation").EnumerateArray()
                .Where(t => t.GetProperty("kind").GetString() == "word").Select(t => t.GetProperty("term").GetString()!);
            foreach (var term in words.Where(t => !t.Contains(' ', StringComparison.Ordinal)))
                Assert.Contains(term, markedText.ToLowerInvariant(), StringComparison.Ordinal);
        }
        Assert.True(marked > 0);

        // Choosing the topic head highlights the topic head's terms instead.
        await page.CheckAsync("input[name=head][value=topic]");
        var topicTerms = paragraphs[0].GetProperty("topic").GetProperty("explanation").EnumerateArray().Select(t => t.GetProperty("term").GetString()).ToHashSet();
        foreach (var mark in await page.QuerySelectorAllAsync("#paragraphs > li:first-child mark"))
            Assert.Contains(await mark.GetAttributeAsync("data-term"), topicTerms);
    }

    private static string Percent(double p) => (p * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";

    [BrowserFact]
    public async Task Downloads_are_the_predictors_json_and_csv()
    {
        var article = Fixtures.Article("pro-kosovo", paragraphs: 2);
        var page = await browser.NewPage();
        await Score(page, servers.SmallUrl, article);
        var json = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-json"));
        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
        Assert.Equal("article.json", json.SuggestedFilename);
        Assert.Equal("article.csv", csv.SuggestedFilename);

        // The predictor on the same article as a file with the same id prints the same bytes but for "source".
        using var dir = new TempDir();
        var file = dir.Write("article.txt", article);
        var predictorJson = CliRun.Predictor(["--model", servers.Dir.File("m.zip"), "--format", "json", "--explain", "--top-k", "1000", file]);
        var predictorCsv = CliRun.Predictor(["--model", servers.Dir.File("m.zip"), "--format", "csv", "--explain", file]);
        Assert.Equal(0, predictorJson.ExitCode);
        Assert.Equal(predictorJson.Output.Replace(JsonSerializer.Serialize(file), "\"request\"", StringComparison.Ordinal),
            await File.ReadAllTextAsync(await json.PathAsync()));
        Assert.Equal(predictorCsv.Output, await File.ReadAllTextAsync(await csv.PathAsync()));
    }

    [BrowserFact]
    public async Task Text_and_labels_are_escaped_never_markup()
    {
        const string attack = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> sovereignty separatist aggression belgrade protect";
        var page = await browser.NewPage();
        await Score(page, servers.HtmlLabelUrl, attack + "\n" + Fixtures.Article("pro-serbia", paragraphs: 1));
        Assert.Empty(await page.QuerySelectorAllAsync("#results script, #results img, #results b"));
        Assert.Equal(attack, await page.TextContentAsync("#paragraphs > li:first-child .text"));
        var labels = await Task.WhenAll((await page.QuerySelectorAllAsync("#paragraphs .head[data-head=verdict] .label")).Select(l => l.TextContentAsync()));
        Assert.Contains(StudioServers.HtmlLabel, labels);
        Assert.Contains(StudioServers.HtmlLabel, await page.TextContentAsync("#summary"));
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
    }

    [BrowserFact]
    public async Task Uploaded_txt_and_csv_files_fill_the_article_to_score()
    {
        var page = await browser.NewPage();
        await page.GotoAsync(new Uri(servers.SmallUrl, "/score").ToString());
        var txt = Fixtures.Article("pro-kosovo", paragraphs: 2);
        await page.SetInputFilesAsync("#article-file", new FilePayload { Name = "kosovo-story.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(txt) });
        await page.WaitForFunctionAsync("() => document.getElementById('article-id').value === 'kosovo-story'");
        Assert.Equal(txt, await page.InputValueAsync("#article-text"));

        // A quoted field with a comma, a doubled quote and line breaks is one article, as the predictor reads a CSV.
        const string second = "Both sides, \"calm\" now.\nThe talks went on in dialogue.";
        var csv = "url,body\nhttps://a.example/1,sovereignty separatist belgrade\nhttps://a.example/2,\"Both sides, \"\"calm\"\" now.\nThe talks went on in dialogue.\"\n";
        await page.SetInputFilesAsync("#article-file", new FilePayload { Name = "articles.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.WaitForSelectorAsync("#csv-choice:not([hidden])");
        Assert.Equal(2, (await page.QuerySelectorAllAsync("#csv-article option")).Count);
        await page.SelectOptionAsync("#csv-article", "1");
        Assert.Equal(second, await page.InputValueAsync("#article-text"));
        Assert.Equal("https://a.example/2", await page.InputValueAsync("#article-id"));
        await page.ClickAsync("#score-button");
        await page.WaitForSelectorAsync("#paragraphs li");
        var ids = await Task.WhenAll((await page.QuerySelectorAllAsync("#paragraphs > li")).Select(li => li.GetAttributeAsync("data-id")));
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith("https://a.example/2:", id, StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task With_a_token_the_login_address_lets_the_browser_in_and_nothing_else_does()
    {
        var page = await browser.NewPage();
        var denied = await page.GotoAsync(new Uri(servers.ProtectedUrl, "/score").ToString());
        Assert.Equal(401, denied!.Status);
        await page.GotoAsync(new Uri(servers.ProtectedUrl, "/login?token=" + StudioServers.Token).ToString());
        Assert.EndsWith("/score", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#article-text", Fixtures.Article("neutral", paragraphs: 1));
        await page.ClickAsync("#score-button");
        await page.WaitForSelectorAsync("#paragraphs li");
        await page.GotoAsync(new Uri(servers.ProtectedUrl, "/reports").ToString());
        await page.WaitForSelectorAsync("#report-list a");
    }

    [BrowserFact]
    public async Task Keyboard_alone_scores_an_article_and_reaches_every_control()
    {
        var page = await browser.NewPage();
        await page.GotoAsync(new Uri(servers.SmallUrl, "/score").ToString());
        // From the top of the page: the skip link, then on by Tab to the text box.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        for (int i = 0; i < 20 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "article-text"; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("article-text", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.InsertTextAsync(Fixtures.Article("neutral", paragraphs: 2));
        await page.Keyboard.PressAsync("Control+Enter");
        await page.WaitForSelectorAsync("#paragraphs li");
        Assert.Equal("results-title", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var reached = new HashSet<string>();
        for (int i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.getAttribute('name') || document.activeElement.tagName"));
        }
        Assert.Contains("head", reached);
        Assert.Contains("download-json", reached);
        Assert.Contains("download-csv", reached);
        Assert.Contains("LI", reached);
    }

    [BrowserFact]
    public async Task Reports_page_lists_the_reports_found_at_start_and_shows_one()
    {
        var page = await browser.NewPage();
        await page.GotoAsync(new Uri(servers.SmallUrl, "/reports").ToString());
        await page.WaitForSelectorAsync("#report-list a");
        var titles = await Task.WhenAll((await page.QuerySelectorAllAsync("#report-list a")).Select(a => a.GetAttributeAsync("data-name")));
        Assert.Equal(servers.Reports.Entries.Select(e => e.Name).Order(), titles.Order());
        await page.ClickAsync("#report-list a[data-name=runs-second-run]");
        await page.WaitForFunctionAsync("() => document.getElementById('report-frame').src.endsWith('/report-files/runs-second-run')");
        var body = await page.FrameLocator("#report-frame").Locator("body").TextContentAsync();
        Assert.Contains("macro", body, StringComparison.OrdinalIgnoreCase);

        var none = await browser.NewPage();
        await none.GotoAsync(new Uri(servers.NoReportsUrl, "/reports").ToString());
        await none.WaitForSelectorAsync("#reports-empty:not([hidden])");
        Assert.Contains("No reports folder was given", await none.TextContentAsync("#reports-empty"));
        Assert.Contains("studio --reports", await none.TextContentAsync("#reports-empty"));
    }

    [BrowserFact]
    public async Task Every_page_fits_1280_by_800_and_a_390_px_phone_and_is_photographed()
    {
        Directory.CreateDirectory(ScreenshotDir);
        var seed = await File.ReadAllTextAsync(Directory.EnumerateFiles(Path.Combine(Repo.Root, "seeds"), "*.txt").Order(StringComparer.Ordinal).First());
        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            var page = await browser.NewPage(width, height);
            await Score(page, servers.DefaultUrl, seed);
            await Fits(page, width);
            // The results, not the form the article was pasted into: the highlights are what a reader looks for.
            await page.EvaluateAsync("() => document.getElementById('results-title').scrollIntoView()");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, $"score-{width}x{height}.png") });
            await page.GotoAsync(new Uri(servers.DefaultUrl, "/reports").ToString());
            await page.WaitForSelectorAsync("#report-list a");
            await page.WaitForFunctionAsync("() => document.getElementById('report-frame').src.includes('/report-files/')");
            await page.FrameLocator("#report-frame").Locator("body").WaitForAsync();
            await Fits(page, width);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, $"reports-{width}x{height}.png") });
        }
        // The Label and Review pages' screenshots are LabelBrowserTests' and ReviewBrowserTests' (they need sessions of their own).
        foreach (var name in new[] { "score", "reports" })
            foreach (var size in new[] { "1280x800", "390x844" })
                Assert.True(File.Exists(Path.Combine(ScreenshotDir, $"{name}-{size}.png")), $"{name}-{size}.png");
    }

    /// <summary>Nothing wider than the viewport: a phone user never scrolls sideways.</summary>
    internal static async Task Fits(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth} px wide at a {width} px viewport");
    }
}
