using Classifier.Engine.Metrics;
using System.Text.Json;

namespace Classifier.Trainer.Reports;

/// <summary>
/// metrics.json: the machine-readable report. Field names are stable (documented in docs/metrics-json.md);
/// new fields may be added, existing ones never renamed without bumping <c>schemaVersion</c>.
/// </summary>
public static class MetricsJson
{
    public const int SchemaVersion = 1;

    public static void Write(Stream stream, EvaluationReport report)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteString("title", report.Title);
        json.WriteString("data", report.Data);
        json.WriteString("model", report.Model);
        json.WriteString("createdUtc", report.CreatedUtc.UtcDateTime.ToString("O"));
        json.WriteStartArray("heads");
        foreach (var h in report.Heads) WriteHead(json, h);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Interval(Utf8JsonWriter json, string name, BootstrapInterval interval)
    {
        json.WriteStartObject(name);
        Number(json, "low", interval.Low);
        Number(json, "high", interval.High);
        json.WriteNumber("resamples", interval.Resamples);
        json.WriteEndObject();
    }

    private static void WriteHead(Utf8JsonWriter json, HeadReport h)
    {
        var m = h.Metrics;
        json.WriteStartObject();
        json.WriteString("name", h.Head);
        json.WriteNumber("rows", m.Count);
        json.WriteStartArray("labels");
        foreach (var l in h.Labels) json.WriteStringValue(l);
        json.WriteEndArray();
        Number(json, "microAccuracy", m.MicroAccuracy);
        Number(json, "macroAccuracy", m.MacroAccuracy);
        Number(json, "macroF1", m.MacroF1);
        Interval(json, "macroF1Interval", h.Intervals.MacroF1);
        Interval(json, "microAccuracyInterval", h.Intervals.Accuracy);
        Interval(json, "kappaInterval", h.Intervals.Kappa);
        Number(json, "macroPrecision", m.MacroPrecision);
        Number(json, "macroRecall", m.MacroRecall);
        Number(json, "weightedF1", m.WeightedF1);
        Number(json, "logLoss", m.LogLoss);
        Number(json, "logLossReduction", m.LogLossReduction);
        Number(json, "topKAccuracy", m.TopKAccuracy);
        json.WriteNumber("topK", m.TopK);
        Number(json, "kappa", m.Kappa);
        if (h.FAverage is { } f)
        {
            json.WriteStartObject("fAvg");
            json.WriteStartArray("classes");
            json.WriteStringValue("pro-serbia");
            json.WriteStringValue("pro-kosovo");
            json.WriteEndArray();
            Number(json, "value", f);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("fAvg");
        }
        Number(json, "expectedCalibrationError", h.Reliability.ExpectedCalibrationError);
        if (h.Baseline is { } b)
        {
            json.WriteStartObject("majorityBaseline");
            Number(json, "macroF1", b.MacroF1);
            Number(json, "microAccuracy", b.MicroAccuracy);
            if (h.BaselineFAverage is { } bf) Number(json, "fAvg", bf);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("majorityBaseline");
        }
        json.WriteStartArray("perClass");
        foreach (var c in m.PerClass)
        {
            json.WriteStartObject();
            json.WriteString("label", c.Label);
            Number(json, "precision", c.Precision);
            Number(json, "recall", c.Recall);
            Number(json, "f1", c.F1);
            json.WriteNumber("support", c.Support);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("confusionMatrix");
        json.WriteString("rows", "actual");
        json.WriteString("columns", "predicted");
        json.WriteStartArray("counts");
        for (int a = 0; a < h.Labels.Count; a++)
        {
            json.WriteStartArray();
            for (int p = 0; p < h.Labels.Count; p++) json.WriteNumberValue(m.Confusion.Count(a, p));
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("confidentMistakes");
        foreach (var x in h.Mistakes)
        {
            json.WriteStartObject();
            json.WriteString("id", x.Id);
            json.WriteString("actual", x.Actual);
            json.WriteString("predicted", x.Predicted);
            Number(json, "confidence", x.Confidence);
            json.WriteString("text", x.Text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // JSON has no NaN: an undefined figure (e.g. log-loss reduction on a one-class test set) is written as null.
    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, Math.Round(value, 6));
        else json.WriteNull(name);
    }
}
