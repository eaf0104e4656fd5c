using Classifier.Text.Diagnostics;

namespace Classifier.MlNet;

/// <summary>Turns what ML.NET throws for a missing native library into one line that says what to install.</summary>
internal static class MlNetErrors
{
    public static T Guard<T>(string trainer, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (MissingLibrary(ex) is { } library)
        {
            throw new InputException($"trainer '{trainer}' needs the native library {library}, which is not installed",
                hint: library.Contains("gomp", StringComparison.Ordinal) ? "install it: apt-get install libgomp1 (Debian, Ubuntu)" : "install the package that provides it", inner: ex);
        }
    }

    private static string? MissingLibrary(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is DllNotFoundException or EntryPointNotFoundException)
                return e.Message.Contains("gomp", StringComparison.Ordinal) ? "libgomp.so.1"
                    : e.Message.Contains("lightgbm", StringComparison.OrdinalIgnoreCase) ? "lib_lightgbm (or its dependency libgomp.so.1)" : e.Message;
        return null;
    }
}
