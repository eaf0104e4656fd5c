using Microsoft.Playwright;

namespace Classifier.Tests.Studio;

/// <summary>
/// Headless Chromium driven by Playwright: Debian's chromium package (Playwright's own browser downloads are not
/// used), launched once for the studio's browser tests.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Why the browser tests cannot run here, or null when they can (see <see cref="BrowserFactAttribute"/>).</summary>
    public static string? Missing =>
        File.Exists(ChromiumPath) ? null : $"{ChromiumPath} is missing: install Debian's chromium (apt-get install chromium; .ci/run does in CI)";

    public IBrowser Instance => _browser ?? throw new InvalidOperationException(Missing ?? "the browser did not start");

    public async Task InitializeAsync()
    {
        if (Missing is not null) return;
        _playwright = await Playwright.CreateAsync();
        // As root (CI, containers) Chromium refuses to start with its sandbox; the pages are our own.
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh page (its own cookies) at the given viewport size.</summary>
    public async Task<IPage> NewPage(int width = 1280, int height = 800)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
