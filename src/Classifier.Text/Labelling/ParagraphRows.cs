using Classifier.Text.Csv;

namespace Classifier.Text.Labelling;

/// <summary>Paragraphs read from a CSV (e.g. data/paragraphs.csv): id, article (may be empty) and text, in file order.</summary>
/// <param name="Ids">Row ids (the id column, else <c>file#line</c>).</param>
/// <param name="Articles">The article column, or empty strings when the file has none.</param>
/// <param name="Texts">Display text.</param>
public sealed record ParagraphRows(IReadOnlyList<string> Ids, IReadOnlyList<string> Articles, IReadOnlyList<string> Texts)
{
    public int Count => Ids.Count;

    /// <summary>Reads every row with non-empty text.</summary>
    public static ParagraphRows Read(string path, string textColumn = "text", string idColumn = "id", Action<string>? warn = null)
    {
        using var table = CsvTable.Open(path, warn);
        int text = table.ColumnIndex(textColumn);
        int id = idColumn == "id" ? table.TryColumnIndex("id") : table.ColumnIndex(idColumn);
        int article = table.TryColumnIndex("article");
        var ids = new List<string>();
        var articles = new List<string>();
        var texts = new List<string>();
        string file = Path.GetFileName(path);
        foreach (var record in table.Records())
        {
            var t = record[text].Trim();
            if (t.Length == 0) continue;
            ids.Add(id >= 0 && record[id].Trim().Length > 0 ? record[id].Trim() : $"{file}#{record.Line}");
            articles.Add(article >= 0 ? record[article].Trim() : "");
            texts.Add(t);
        }
        return new ParagraphRows(ids, articles, texts);
    }
}
