using System.Diagnostics;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.MlNet;

/// <summary>A missing native library (LightGBM's, or the libgomp it needs) is one line naming what to install, not an internal error.</summary>
public sealed class MlNetNativeLibraryTests
{
    [Fact]
    public async Task Lightgbm_without_its_native_library_says_what_to_install()
    {
        using var dir = new TempDir();
        // The built trainer, mirrored by symbolic links with LightGBM's native library left out, as on a machine without it.
        var bin = Path.Combine(dir.Path, "bin");
        int skipped = Mirror(AppContext.BaseDirectory.TrimEnd('/'), bin, name => name.StartsWith("lib_lightgbm", StringComparison.Ordinal));
        Assert.True(skipped > 0, "the test build has no lib_lightgbm to leave out");
        var data = dir.Write("d.csv", Fixtures.StanceCsv(articles: 6));
        var start = new ProcessStartInfo(DotnetProgram.Host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(bin, "trainer.dll"), "train", "--data", data, "--model", dir.File("m.zip"), "--trainer", "mlnet-lightgbm", "--cv", "none" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var errorRead = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var error = await errorRead;
        Assert.True(process.ExitCode == ExitCodes.InputError, $"exit {process.ExitCode}\n{error}");
        Assert.Contains("needs the native library lib_lightgbm", error);
        Assert.Contains("install", error);
        Assert.DoesNotContain("internal error", error);
        Assert.DoesNotContain("   at ", error); // no stack trace
        Assert.False(File.Exists(dir.File("m.zip")));
    }

    private static int Mirror(string from, string to, Func<string, bool> leaveOut)
    {
        Directory.CreateDirectory(to);
        int skipped = 0;
        foreach (var file in Directory.EnumerateFiles(from))
        {
            if (leaveOut(Path.GetFileName(file))) { skipped++; continue; }
            // The host resolves the application's own path through links, so trainer.* are copied; the rest are linked.
            if (Path.GetFileName(file).StartsWith("trainer.", StringComparison.Ordinal)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            else File.CreateSymbolicLink(Path.Combine(to, Path.GetFileName(file)), file);
        }
        foreach (var sub in Directory.EnumerateDirectories(from))
            skipped += Mirror(sub, Path.Combine(to, Path.GetFileName(sub)), leaveOut);
        return skipped;
    }
}
