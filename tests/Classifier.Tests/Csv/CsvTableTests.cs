using System.Text;
using Classifier.Tests.Support;
using Classifier.Text.Csv;
using Classifier.Text.Diagnostics;

namespace Classifier.Tests.Csv;

public class CsvTableTests
{
    private static List<CsvRecord> ReadAll(string path)
    {
        using var table = CsvTable.Open(path);
        return [.. table.Records()];
    }

    [Fact]
    public void Reads_quoted_fields_line_breaks_and_skips_blank_lines()
    {
        using var dir = new TempDir();
        var path = dir.Write("good.csv", "id,text\n1,\"multi\nline, with comma\"\n\n2,\"say \"\"hi\"\"\"\n");
        var rows = ReadAll(path);
        Assert.Equal(2, rows.Count);
        Assert.Equal("multi\nline, with comma", rows[0][1]);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal("say \"hi\"", rows[1][1]);
        Assert.Equal(5, rows[1].Line);
    }

    [Fact]
    public void Unterminated_quote_names_file_and_line()
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.csv", "id,text,label\n1,ok,a\n2,\"unterminated,b\n3,x,c\n");
        var ex = Assert.Throws<InputException>(() => ReadAll(path));
        Assert.Equal(path, ex.File);
        Assert.Equal(3, ex.Line);
        Assert.Contains("never closed", ex.Message);
    }

    [Fact]
    public void Stray_quote_in_unquoted_field_is_an_error()
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.csv", "id,text,label\n1,ok,a\n2,hel\"lo,a\n");
        var ex = Assert.Throws<InputException>(() => ReadAll(path));
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Wrong_field_count_names_the_line()
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.csv", "id,text,label\n1,a,b\n2,a,b,c\n");
        var ex = Assert.Throws<InputException>(() => ReadAll(path));
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Missing_column_lists_the_columns_that_exist()
    {
        using var dir = new TempDir();
        var path = dir.Write("t.csv", "id,Text\n1,a\n");
        using var table = CsvTable.Open(path);
        Assert.Equal(1, table.ColumnIndex("text"));
        var ex = Assert.Throws<InputException>(() => table.ColumnIndex("label"));
        Assert.Contains("id, Text", ex.Hint);
    }

    [Fact]
    public void Duplicate_header_is_an_error()
    {
        using var dir = new TempDir();
        var path = dir.Write("t.csv", "id,text,ID\n1,a,2\n");
        var ex = Assert.Throws<InputException>(() => CsvTable.Open(path));
        Assert.Equal(3, ex.Column);
    }

    [Fact]
    public void Empty_file_is_an_error_naming_it()
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes("empty.csv", []);
        var ex = Assert.Throws<InputException>(() => CsvTable.Open(path));
        Assert.Equal(path, ex.File);
        Assert.Contains("empty", ex.Message);
    }

    [Fact]
    public void Utf16_with_bom_and_windows1252_are_decoded()
    {
        using var dir = new TempDir();
        var utf16 = dir.WriteBytes("u16.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("id,text\n1,Vučić\n")]);
        Assert.Equal("Vučić", ReadAll(utf16)[0][1]);

        var cp1252 = dir.WriteBytes("w.csv", [.. "id,text\r\n1,caf"u8.ToArray(), 0xE9, .. "\r\n2,\u0093q\u0094"u8.ToArray()]);
        string? warning = null;
        using var table = CsvTable.Open(cp1252, w => warning = w);
        var rows = table.Records().ToList();
        Assert.Equal("café", rows[0][1]);
        Assert.NotNull(warning);
        Assert.Contains("w.csv", warning);
    }

    [Fact]
    public void Binary_file_is_refused()
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes("x.csv", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02, 0xFF]);
        var ex = Assert.Throws<InputException>(() => CsvTable.Open(path));
        Assert.Contains("binary", ex.Message);
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var ex = Assert.Throws<InputException>(() => CsvTable.Open("/nonexistent/file.csv"));
        Assert.Contains("no such", ex.Message);
    }
}
