using Classifier.Engine.Pipeline;
using Classifier.Text.Diagnostics;
using Classifier.Text.IO;

namespace Classifier.MlNet;

/// <summary>
/// Writes heads of a model as standard ML.NET model zips (input: a <c>Text</c> string; output: <c>PredictedLabel</c>
/// and <c>Score</c>), one file per head, <c>DIR/HEAD.zip</c>. Only ML.NET heads can be exported: our own heads read
/// this project's hashed n-gram features (its own hash, voice and rule blocks), which no ML.NET transform reproduces,
/// so exporting them would score different features than they were trained on.
/// </summary>
public static class MlNetExport
{
    /// <summary>Writes the named heads (all when empty); refuses before writing anything if one cannot be exported.</summary>
    public static IReadOnlyList<string> Export(TextClassifier model, string directory, IReadOnlyList<string> heads)
    {
        var chosen = new List<ClassifierHead>();
        foreach (var name in heads.Count > 0 ? heads : [.. model.Heads.Select(h => h.Name)])
            chosen.Add(model.Head(name) ?? throw new UsageException($"the model has no head '{name}'", $"its heads are: {string.Join(", ", model.Heads.Select(h => h.Name))}"));
        var refused = chosen.Where(h => h.Model is not MlNetModel).ToList();
        if (refused.Count > 0)
        {
            var exportable = model.Heads.Where(h => h.Model is MlNetModel).Select(h => h.Name).ToList();
            throw new InputException(
                $"cannot export {string.Join(", ", refused.Select(h => $"head '{h.Name}' (trainer {h.Trainer})"))} as ML.NET: it reads this project's hashed n-gram features, which ML.NET's transforms cannot reproduce",
                hint: (exportable.Count > 0 ? $"export the ML.NET heads alone with --head {string.Join(" --head ", exportable)}, or " : "")
                    + "retrain with an ML.NET trainer (--trainer mlnet-svm, or --trainer auto --candidates mlnet-svm,mlnet-sdca)");
        }
        var pooled = chosen.Where(h => h.SentencePooling is not null).ToList();
        if (pooled.Count > 0)
            throw new InputException(
                $"cannot export {string.Join(", ", pooled.Select(h => $"head '{h.Name}'"))} as ML.NET: it scores each sentence and pools them (trained with --sentence-pooling), which a plain ML.NET model cannot do, so it would predict differently",
                hint: "retrain without --sentence-pooling to export that head, or export the other heads with --head");
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(directory, $"cannot create the directory: {ex.Message}", ex);
        }
        var written = new List<string>();
        foreach (var head in chosen)
        {
            var path = Path.Combine(directory, FileName(head.Name));
            var bytes = ((MlNetModel)head.Model).MlNetBytes;
            AtomicFile.Write(path, stream => stream.Write(bytes.Span));
            written.Add(path);
        }
        return written;
    }

    /// <summary>The head's name as a file name: characters a file system may refuse become '_'.</summary>
    public static string FileName(string head)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var chars = head.Select(c => invalid.Contains(c) || c == '\\' || c == ':' ? '_' : c).ToArray();
        return new string(chars) + ".zip";
    }
}
