using Classifier.Text.Diagnostics;

namespace Classifier.Predictor;

/// <summary>
/// Finds the model when --model is not given: $CLASSIFIER_MODEL, then models/default.zip in the current directory
/// or any parent, then beside the program (as when run from the repository with dotnet run).
/// </summary>
public static class ModelLocator
{
    public const string DefaultRelativePath = "models/default.zip";

    public static string Resolve(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return explicitPath;
        var fromEnvironment = Environment.GetEnvironmentVariable("CLASSIFIER_MODEL");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultRelativePath);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new InputException("no model given and models/default.zip was not found", hint: "pass --model FILE or set CLASSIFIER_MODEL");
    }
}
