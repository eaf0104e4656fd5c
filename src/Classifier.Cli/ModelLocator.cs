using Classifier.Text.Diagnostics;

namespace Classifier.Cli;

/// <summary>
/// Finds the model when --model is not given: $CLASSIFIER_MODEL, then models/default.zip in the current directory
/// or any parent, then beside the program (as when run from the repository with dotnet run).
/// </summary>
public static class ModelLocator
{
    public const string DefaultRelativePath = "models/default.zip";

    public static string Resolve(string? explicitPath) => Resolve(explicitPath, Environment.GetEnvironmentVariable("CLASSIFIER_MODEL"),
        [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);

    /// <summary>The search itself, with the environment variable and the starting directories given (for tests).</summary>
    public static string Resolve(string? explicitPath, string? fromEnvironment, IEnumerable<string> searchFrom)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return explicitPath;
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        foreach (var start in searchFrom)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultRelativePath);
                if (File.Exists(candidate)) return candidate;
            }
        }
        // A missing model is a model problem (exit 4) like a corrupt one, whoever was supposed to provide it.
        throw new ModelFileException(DefaultRelativePath,
            "no model given, and none was found in the current directory, its parents or beside the program (pass --model FILE or set CLASSIFIER_MODEL)");
    }
}
