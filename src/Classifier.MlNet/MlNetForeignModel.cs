using Classifier.Engine.Featurization;
using Classifier.Engine.Pipeline;
using Classifier.Text.Diagnostics;

namespace Classifier.MlNet;

/// <summary>
/// Loads an ML.NET model made elsewhere (plain ML.NET code, Model Builder, the mlnet CLI) as a one-head
/// <see cref="TextClassifier"/>, so the predictor, evaluate and the labeller score it like our own models.
/// </summary>
public static class MlNetForeignModel
{
    /// <summary>ML.NET's saved models hold a TransformerChain (or a single Model) directory.</summary>
    public static bool LooksLikeMlNet(IReadOnlyList<string> entries) =>
        entries.Any(e => e.StartsWith("TransformerChain/", StringComparison.Ordinal) || e.StartsWith("Model/", StringComparison.Ordinal));

    public static TextClassifier? TryLoad(string path, IReadOnlyList<string> entries)
    {
        if (!LooksLikeMlNet(entries)) return null;
        MlNetModel model;
        try
        {
            model = MlNetModel.FromBytes(File.ReadAllBytes(path));
        }
        catch (InvalidDataException ex)
        {
            throw new ModelFileException(path, $"is an ML.NET model this tool cannot score: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException(path, $"cannot be read: {ex.Message}", ex);
        }
        var schema = model.Schema;
        string head = schema.LabelColumn ?? "label";
        // No head reads our features; an empty featurizer keeps TextClassifier's shape.
        var (featurizer, _) = new TextFeaturizer(new FeaturizerOptions()).FitTransform([]);
        var info = new ModelInfo(new FileInfo(path).LastWriteTimeUtc, "ML.NET model (made elsewhere)", "", 0,
            new Dictionary<string, IReadOnlyDictionary<string, int>>(), new Dictionary<string, IReadOnlyDictionary<string, double>>());
        return new TextClassifier(featurizer, [new ClassifierHead(head, schema.ClassNames, model, "mlnet (foreign)", new Dictionary<string, string>())], info);
    }
}
