namespace Classifier.Tests.Labelling;

/// <summary>The repository root (where Classifier.sln is), found from the test binaries.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Classifier.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Classifier.sln not found above " + AppContext.BaseDirectory);
    }
}
