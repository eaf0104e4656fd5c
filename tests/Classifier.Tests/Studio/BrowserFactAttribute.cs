namespace Classifier.Tests.Studio;

/// <summary>
/// A browser test: skipped with the reason when Chromium is missing on a developer's machine, but never in CI
/// (CI=true), where a missing browser must fail the run rather than pass it with the browser tests unrun.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.Missing is { } reason && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) Skip = reason;
    }
}
