using CsvHelper;

namespace Classifier.Text.Csv;

/// <summary>Writes CSV with RFC 4180 quoting, UTF-8 without BOM and \n line ends, so committed data files diff cleanly.</summary>
public static class CsvOutput
{
    public static CsvWriter Create(TextWriter writer) =>
        CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n", Separator = ',', Injection = CsvInjection.None }, leaveOpen: true);

    /// <summary>Writes one row of fields and ends the record.</summary>
    public static void WriteRow(CsvWriter csv, params ReadOnlySpan<string> fields)
    {
        foreach (var f in fields) csv.WriteField(f);
        csv.EndRecord();
    }
}
