using System.Text;
using Classifier.Tests.Support;
using Classifier.Text.Csv;
using FsCheck;
using FsCheck.Fluent;

namespace Classifier.Tests.Properties;

/// <summary>Any table written with random quoting, separators inside fields, line ends and encodings reads back field for field.</summary>
public class CsvReaderProperties
{
    private static readonly string[] Pieces = ["a", "Vučić", "Жаба", "武", " ", ",", ";", "\t", "\"", "\n", "\r\n", "x y", "1.5", "'"];

    private static readonly Encoding[] Encodings =
        [new UTF8Encoding(false), new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true)];

    public sealed record Table(string[][] Rows, bool[] QuoteAll, string[] LineEnds, bool TrailingEnd, int Encoding);

    private static Gen<string> Field =>
        Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts.Take(6)));

    private static Gen<Table> Tables =>
        from columns in Gen.Choose(2, 4)
        from rowCount in Gen.Choose(1, 6)
        from rows in Field.ArrayOf(columns).ArrayOf(rowCount)
        from quote in Gen.Elements(true, false).ArrayOf(rowCount + 1)
        from ends in Gen.Elements("\n", "\r\n").ArrayOf(rowCount + 1)
        from trailing in Gen.Elements(true, false)
        from encoding in Gen.Choose(0, Encodings.Length - 1)
        select new Table(rows, quote, ends, trailing, encoding);

    [Fact]
    public void Written_tables_read_back_field_for_field()
    {
        using var dir = new TempDir();
        Prop.ForAll(Tables.ToArbitrary(), table =>
        {
            int columns = table.Rows[0].Length;
            var path = dir.WriteBytes($"t{Guid.NewGuid():N}.csv", Encodings[table.Encoding].GetPreamble().Concat(Encodings[table.Encoding].GetBytes(Render(table))).ToArray());
            using var csv = CsvTable.Open(path);
            Assert.Equal(Enumerable.Range(0, columns).Select(c => $"c{c}"), csv.Columns);
            var read = csv.Records().Select(r => r.Fields).ToArray();
            Assert.Equal(table.Rows, read);
        }).QuickCheckThrowOnFailure();
    }

    private static string Render(Table table)
    {
        var sb = new StringBuilder();
        var header = Enumerable.Range(0, table.Rows[0].Length).Select(c => $"c{c}").ToArray();
        for (int r = 0; r <= table.Rows.Length; r++)
        {
            var fields = r == 0 ? header : table.Rows[r - 1];
            sb.Append(string.Join(',', fields.Select(f => Quote(f, table.QuoteAll[r]))));
            if (r < table.Rows.Length || table.TrailingEnd) sb.Append(table.LineEnds[r]);
        }
        return sb.ToString();
    }

    // Quoting is optional unless the field holds a comma, a quote or a line break.
    private static string Quote(string field, bool always) =>
        always || field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
