namespace Classifier.Text.Csv;

/// <summary>One data row of a CSV file: the line it starts on (1-based, header is line 1) and its fields.</summary>
public sealed record CsvRecord(long Line, string[] Fields)
{
    public string this[int column] => Fields[column];
}
