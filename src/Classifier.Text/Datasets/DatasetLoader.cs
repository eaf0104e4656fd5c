using Classifier.Text.Csv;
using Classifier.Text.Diagnostics;

namespace Classifier.Text.Datasets;

/// <summary>Loads the gold, train-only and weak CSVs of a training run into one dataset with the same heads.</summary>
public static class DatasetLoader
{
    public static LabelledDataset Load(string[] data, string[] trainOnly, string[] weak, float weakWeight,
        string[] textColumns, string[] labelColumns, string? groupColumn, Action<string> warn, bool autoGroup = true)
    {
        if (data.Length == 0) throw new InputException("no --data file given", hint: "name a labelled CSV with --data");
        var labels = labelColumns.Length > 0 ? labelColumns : DefaultLabelColumns(data[0]);
        LabelledDataset? all = null;
        foreach (var path in data)
            all = Append(all, LabelledCsvReader.Read(path, new LabelledCsvOptions(textColumns, labels, groupColumn, AutoGroup: autoGroup), warn));
        foreach (var path in trainOnly)
            all = Append(all, LabelledCsvReader.Read(path, new LabelledCsvOptions(textColumns, labels, groupColumn, TrainOnly: true, AutoGroup: autoGroup), warn));
        foreach (var path in weak)
            all = Append(all, LabelledCsvReader.Read(path, new LabelledCsvOptions(["text"], labels, null, Weight: weakWeight, TrainOnly: true), warn));
        if (all!.Count == 0) throw new InputException("the data has no rows with text", data[0]);
        return all;
    }

    /// <summary>stance and topic when the file has both (the codebook's heads), else a column named label.</summary>
    public static string[] DefaultLabelColumns(string path)
    {
        using var table = CsvTable.Open(path);
        if (table.TryColumnIndex("stance") >= 0 && table.TryColumnIndex("topic") >= 0) return ["stance", "topic"];
        if (table.TryColumnIndex("label") >= 0) return ["label"];
        throw new InputException("no label column given and none named stance/topic or label", path, 1,
            hint: $"name one with --label-col; the columns are: {string.Join(", ", table.Columns)}");
    }

    private static LabelledDataset Append(LabelledDataset? all, LabelledDataset next) => all is null ? next : all.Concat(next);
}
