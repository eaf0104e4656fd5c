using System.Text.Json;
using Classifier.Engine.Pipeline;

namespace Classifier.Scoring.Output;

/// <summary>
/// json: one array of article objects; jsonl: one article object per line. Field names are stable
/// (documented in docs/predictor-output.md); the predictor and the scoring API both write this shape.
/// </summary>
public sealed class JsonResultWriter : IResultWriter
{
    private readonly TextWriter _out;
    private readonly Stream _stream;
    private readonly bool _lines;
    private readonly int _topK;
    private readonly IReadOnlyList<ClassifierHead> _heads;
    private readonly Utf8JsonWriter? _array;
    private Utf8JsonWriter? _line;
    private char[] _chars = [];

    public JsonResultWriter(TextWriter output, bool lines, int topK, IReadOnlyList<ClassifierHead> heads)
    {
        _out = output;
        _lines = lines;
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        _topK = topK;
        _heads = heads;
        _stream = new MemoryStream();
        if (!lines)
        {
            _array = new Utf8JsonWriter(_stream, new JsonWriterOptions { Indented = true });
            _array.WriteStartArray();
        }
    }

    public void Write(ArticleResult article)
    {
        if (_lines)
        {
            // One buffer and one JSON writer for every line, reset after each: a large file has millions of lines.
            var ms = (MemoryStream)_stream;
            _line ??= new Utf8JsonWriter(ms);
            try
            {
                WriteArticle(_line, article);
                _line.Flush();
                var bytes = ms.GetBuffer().AsSpan(0, (int)ms.Length);
                if (_chars.Length < bytes.Length) _chars = new char[Math.Max(bytes.Length, 2 * _chars.Length)];
                int n = System.Text.Encoding.UTF8.GetChars(bytes, _chars);
                _out.Write(_chars.AsSpan(0, n));
                _out.WriteLine();
            }
            finally
            {
                // An article that failed half-way leaves nothing behind for the next line.
                _line.Reset(ms);
                ms.SetLength(0);
            }
            _out.Flush();
        }
        else
        {
            WriteArticle(_array!, article);
            Drain();
        }
    }

    public void Complete()
    {
        if (_array is null) return;
        _array.WriteEndArray();
        Drain();
        _out.WriteLine();
        _out.Flush();
    }

    // The array writer buffers into a memory stream that is emptied after every article, so output streams.
    private void Drain()
    {
        _array!.Flush();
        var ms = (MemoryStream)_stream;
        _out.Write(System.Text.Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length));
        ms.SetLength(0);
        _out.Flush();
    }

    private void WriteArticle(Utf8JsonWriter json, ArticleResult a)
    {
        json.WriteStartObject();
        json.WriteString("article", a.Article);
        json.WriteString("source", a.Source);
        json.WriteNumber("paragraphCount", a.Summary.Paragraphs);
        if (a.Summary.Slant is { } slant) json.WriteNumber("slant", Math.Round(slant, 4));
        else json.WriteNull("slant");
        json.WriteStartObject("distribution");
        foreach (var (head, dist) in a.Summary.Distribution)
        {
            json.WriteStartObject(head);
            foreach (var (label, p) in dist) json.WriteNumber(label, Math.Round(p, 4));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartObject("mainLabels");
        foreach (var (head, labels) in a.Summary.MainLabels)
        {
            json.WriteStartArray(head);
            foreach (var l in labels) json.WriteStringValue(l);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteStartArray("paragraphs");
        foreach (var p in a.Paragraphs) WriteParagraph(json, p);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteParagraph(Utf8JsonWriter json, ParagraphResult p)
    {
        json.WriteStartObject();
        json.WriteString("id", p.Id);
        json.WriteNumber("index", p.Index);
        json.WriteString("text", p.Text);
        for (int h = 0; h < _heads.Count; h++)
        {
            var prediction = p.Predictions[h];
            json.WriteStartObject(_heads[h].Name);
            json.WriteString("label", prediction.Label);
            json.WriteNumber("confidence", Math.Round(prediction.Confidence, 4));
            json.WriteStartArray("top");
            foreach (var (label, prob) in TopLabels.Of(_heads[h], prediction, _topK))
            {
                json.WriteStartObject();
                json.WriteString("label", label);
                json.WriteNumber("probability", Math.Round(prob, 4));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (p.Explanations is not null)
            {
                json.WriteStartArray("explanation");
                foreach (var t in p.Explanations[h])
                {
                    json.WriteStartObject();
                    json.WriteString("term", t.Term);
                    json.WriteString("kind", t.Kind);
                    json.WriteNumber("contribution", Math.Round(t.Contribution, 4));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    public void Dispose()
    {
        _array?.Dispose();
        _line?.Dispose();
        _stream.Dispose();
    }
}
