namespace Classifier.Tests.Ingestion;

/// <summary>Finds the repository (the directory holding Classifier.sln) from the test binaries, wherever they were built.</summary>
internal static class IngestionRepo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Classifier.sln"))) return dir.FullName;
        throw new InvalidOperationException("Classifier.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Seed(string stem) => Path.Combine(Seeds, stem + ".txt");
}
