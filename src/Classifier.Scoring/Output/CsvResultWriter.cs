using System.Globalization;
using Classifier.Engine.Pipeline;
using Classifier.Text.Csv;
using CsvHelper;

namespace Classifier.Scoring.Output;

/// <summary>
/// csv: one row per paragraph: article, id, index, then per head the label, its confidence and the probability of
/// every label (<c>head_p_label</c>), the explanation terms with --explain, and the text last.
/// </summary>
public sealed class CsvResultWriter : IResultWriter
{
    private readonly TextWriter _out;
    private readonly CsvWriter _csv;
    private readonly IReadOnlyList<ClassifierHead> _heads;
    private readonly bool _explain;

    public CsvResultWriter(TextWriter output, IReadOnlyList<ClassifierHead> heads, bool explain)
    {
        _out = output;
        _heads = heads;
        _explain = explain;
        _csv = CsvOutput.Create(output);
        var header = new List<string> { "article", "id", "index" };
        foreach (var h in heads)
        {
            header.Add(h.Name);
            header.Add($"{h.Name}_confidence");
            foreach (var l in h.Labels) header.Add($"{h.Name}_p_{l}");
            if (explain) header.Add($"{h.Name}_terms");
        }
        header.Add("text");
        CsvOutput.WriteRow(_csv, [.. header]);
    }

    public void Write(ArticleResult article)
    {
        foreach (var p in article.Paragraphs)
        {
            var row = new List<string> { article.Article, p.Id, p.Index.ToString(CultureInfo.InvariantCulture) };
            for (int h = 0; h < _heads.Count; h++)
            {
                var prediction = p.Predictions[h];
                row.Add(prediction.Label);
                row.Add(F(prediction.Confidence));
                foreach (var prob in prediction.Probabilities) row.Add(F(prob));
                if (_explain) row.Add(string.Join("; ", p.Explanations![h].Select(t => $"{t.Term}:{F(t.Contribution)}")));
            }
            row.Add(p.Text);
            CsvOutput.WriteRow(_csv, [.. row]);
        }
        _csv.Flush();
        _out.Flush();
    }

    public void Complete() => _csv.Flush();

    public void Dispose() => _csv.Dispose();

    private static string F(float v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
