using Classifier.Studio.Reports;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.Studio;

/// <summary>The reports index: names that never read as paths, unique however the folders are named.</summary>
public sealed class ReportIndexTests
{
    [Fact]
    public void Each_report_html_gets_a_unique_name_of_letters_digits_and_dashes()
    {
        using var dir = new TempDir();
        dir.Write("reports/report.html", "<p>root</p>");
        dir.Write("reports/Run 1/report.html", "<p>a</p>");
        dir.Write("reports/run-1/report.html", "<p>b</p>");
        dir.Write("reports/../x/report.html", "<p>outside</p>");
        dir.Write("reports/a/b/c/report.html", "<p>deep</p>");
        dir.Write("reports/other.html", "<p>not a report</p>");
        var index = ReportIndex.Scan(dir.File("reports"));
        Assert.Equal(["a-b-c", "reports", "run-1", "run-1-2"], index.Entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(index.Entries, e => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", e.Name));
        Assert.Equal("a/b/c", index.Find("a-b-c")!.Title);
        Assert.Null(index.Find("../x"));
        Assert.Null(index.Find(dir.File("x/report.html")));
    }

    [Fact]
    public void A_missing_folder_or_a_file_is_an_input_error()
    {
        using var dir = new TempDir();
        Assert.Throws<InputException>(() => ReportIndex.Scan(dir.File("missing")));
        Assert.Throws<InputException>(() => ReportIndex.Scan(dir.Write("file.txt", "x")));
        Assert.Empty(ReportIndex.Scan(dir.Path).Entries);
        Assert.Equal("report", ReportIndex.Slug("../.."));
    }
}
