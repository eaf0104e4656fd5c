using System.Text;
using Classifier.Tests.Support;
using Classifier.Text.Diagnostics;
using Classifier.Text.Ingestion;
using Classifier.Text.IO;

namespace Classifier.Tests.Ingestion;

/// <summary>Paths, encodings, line ends and CSV input of <see cref="ArticleReader"/>.</summary>
public class IngestionReaderTests
{
    private const string Body = "Vučić met the envoy in Priština.\n\nTalks will go on.\n";

    private static (List<Article> Articles, List<string> Warnings) ReadAll(params string[] paths) => ReadAll(paths, "text", null, "");

    private static (List<Article> Articles, List<string> Warnings) ReadAll(string[] paths, string textColumn, string? idColumn, string stdin)
    {
        var warnings = new List<string>();
        var articles = ArticleReader.Read(paths, textColumn, idColumn, new StringReader(stdin), warnings.Add).ToList();
        return (articles, warnings);
    }

    private static List<string> KeptTexts(Article article) =>
        new ParagraphSplitter(DropRules.Default).Split(article).Kept.Select(p => p.Text).ToList();

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf8-bom")]
    [InlineData("utf16le-bom")]
    [InlineData("utf16be-bom")]
    public void Unicode_encodings_decode_to_the_same_paragraphs(string encoding)
    {
        using var dir = new TempDir();
        Encoding enc = encoding switch
        {
            "utf8" => new UTF8Encoding(false),
            "utf8-bom" => new UTF8Encoding(true),
            "utf16le-bom" => new UnicodeEncoding(false, true),
            _ => new UnicodeEncoding(true, true),
        };
        var bytes = enc.GetPreamble().Concat(enc.GetBytes(Body)).ToArray();
        var path = dir.WriteBytes("a.txt", bytes);
        var (articles, warnings) = ReadAll(path);
        Assert.Empty(warnings);
        var article = Assert.Single(articles);
        Assert.Equal("a", article.Id);
        Assert.Equal(["Vučić met the envoy in Priština.", "Talks will go on."], KeptTexts(article));
    }

    [Fact]
    public void Windows_1252_bytes_are_decoded_with_a_warning_naming_the_file()
    {
        using var dir = new TempDir();
        // "Vu\x9Ai\xE6" is "Vušić" in Windows-1252 and not valid UTF-8.
        var bytes = Encoding.ASCII.GetBytes("Vu?i? said talks failed.\n").ToArray();
        bytes[2] = 0x9A;
        bytes[4] = 0xE6;
        var path = dir.WriteBytes("legacy.txt", bytes);
        var (articles, warnings) = ReadAll(path);
        Assert.Equal("Vušiæ said talks failed.", KeptTexts(Assert.Single(articles)).Single());
        var warning = Assert.Single(warnings);
        Assert.Contains(path, warning);
        Assert.Contains("Windows-1252", warning);
    }

    [Fact]
    public void One_invalid_byte_deep_in_a_utf8_file_keeps_it_utf8_and_warns_with_line_and_offset()
    {
        using var dir = new TempDir();
        var text = new StringBuilder();
        for (int i = 1; i <= 3000; i++) text.Append($"Vučić met the envoy in Priština, line {i}.\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        // Line 2500 gets a lone Windows-1252 byte (0x9A, š) after "Vu".
        int lineStart = Encoding.UTF8.GetByteCount(string.Concat(text.ToString().Split('\n').Take(2499).Select(l => l + "\n")));
        int offset = lineStart + 2;
        bytes = [.. bytes[..offset], 0x9A, .. bytes[offset..]];
        var path = dir.WriteBytes("mostly.txt", bytes);
        var (articles, warnings) = ReadAll(path);
        var kept = KeptTexts(Assert.Single(articles));
        Assert.Equal(3000, kept.Count);
        Assert.Equal(2999, kept.Count(k => k.StartsWith("Vučić met", StringComparison.Ordinal)));
        Assert.Equal("Vu\uFFFDčić met the envoy in Priština, line 2500.", kept[2499]);
        var warning = Assert.Single(warnings);
        Assert.Contains($"{path}:2500:", warning);
        Assert.Contains($"byte offset {offset}", warning);
        Assert.Contains("UTF-8", warning);
    }

    [Fact]
    public void Mostly_windows_1252_bytes_are_still_read_as_windows_1252()
    {
        using var dir = new TempDir();
        // Many 1252 letters and one sequence that happens to be valid UTF-8 ("Ã©" = C3 A9).
        var bytes = TextEncodingDetector.Windows1252.GetBytes("Zvečan? No: Zveèan, Pécs, Ãa, déjà vu, naïve, café.\n".Replace('č', 'e'));
        var path = dir.WriteBytes("legacy.txt", bytes);
        var (articles, warnings) = ReadAll(path);
        Assert.Equal("Zveean? No: Zveèan, Pécs, Ãa, déjà vu, naïve, café.", KeptTexts(Assert.Single(articles)).Single());
        Assert.Contains("Windows-1252", Assert.Single(warnings));
    }

    [Theory]
    [InlineData("cyrillic", false)]
    [InlineData("cyrillic", true)]
    [InlineData("greek", false)]
    [InlineData("chinese", false)]
    [InlineData("chinese", true)]
    [InlineData("latin", false)]
    [InlineData("latin", true)]
    public void Utf16_without_a_bom_is_detected_for_any_script(string script, bool bigEndian)
    {
        var body = script switch
        {
            "cyrillic" => "Вучић се састао са изаслаником у Приштини.\n\nРазговори ће се наставити.\n",
            "greek" => "Ο υπουργός συναντήθηκε με τον απεσταλμένο.\n\nΟι συνομιλίες θα συνεχιστούν.\n",
            "chinese" => "武契奇在普里什蒂纳会见了特使。\n\n会谈将继续进行。\n",
            _ => Body,
        };
        using var dir = new TempDir();
        var path = dir.WriteBytes("a.txt", new UnicodeEncoding(bigEndian, false).GetBytes(body));
        var (articles, warnings) = ReadAll(path);
        Assert.Empty(warnings);
        Assert.Equal(body.Split('\n', StringSplitOptions.RemoveEmptyEntries), KeptTexts(Assert.Single(articles)));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void Line_ends_of_every_style_split_the_same_way(string newline)
    {
        using var dir = new TempDir();
        var text = "Headline of the day\nFirst paragraph here.\n\nSecond paragraph here.\nNews\n".Replace("\n", newline);
        var path = dir.Write("a.txt", text);
        var article = Assert.Single(ReadAll(path).Articles);
        var result = new ParagraphSplitter(DropRules.Default).Split(article);
        Assert.Equal(["Headline of the day", "First paragraph here.", "Second paragraph here."], result.Kept.Select(p => p.Text));
        Assert.Equal([1, 2, 4], result.Kept.Select(p => p.Line));
        Assert.Equal(5, Assert.Single(result.Dropped).Line);
    }

    [Fact]
    public void A_binary_file_is_refused()
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        var ex = Assert.Throws<InputException>(() => ReadAll(path));
        Assert.Equal(path, ex.File);
        Assert.Contains("binary", ex.Message);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0x20, 0x0A, 0x0A, 0x09, 0x0A })]
    public void An_empty_file_is_an_error_naming_it(byte[] bytes)
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes("empty.txt", bytes);
        var ex = Assert.Throws<InputException>(() => ReadAll(path));
        Assert.Equal(path, ex.File);
        Assert.True(ex.Message.Contains("empty", StringComparison.Ordinal) || ex.Message.Contains("no text", StringComparison.Ordinal), ex.Message);
    }

    [Fact]
    public void A_missing_path_is_an_error_naming_it_before_anything_is_read()
    {
        using var dir = new TempDir();
        var good = dir.Write("good.txt", Body);
        var missing = dir.File("nope.txt");
        var ex = Assert.Throws<InputException>(() => ArticleReader.Open([good, missing], "text", null, TextReader.Null, _ => { }));
        Assert.Equal(missing, ex.File);
    }

    [Fact]
    public void A_directory_without_txt_files_is_an_error_naming_it()
    {
        using var dir = new TempDir();
        dir.Write("sub/notes.md", "# not an article");
        var sub = dir.File("sub");
        var ex = Assert.Throws<InputException>(() => ArticleReader.ResolveFiles([sub]));
        Assert.Equal(sub, ex.File);
        Assert.Contains(".txt", ex.Message);
    }

    [Fact]
    public void A_directory_gives_its_txt_files_in_ordinal_name_order()
    {
        using var dir = new TempDir();
        dir.Write("b.txt", "Second article text.\n");
        dir.Write("B.TXT", "Upper-case article text.\n");
        dir.Write("a.txt", "First article text.\n");
        dir.Write("c.md", "Not an article.\n");
        var ids = ReadAll(dir.Path).Articles.Select(a => a.Id).ToList();
        Assert.Equal(["B", "a", "b"], ids);
    }

    [Fact]
    public void A_dash_reads_standard_input()
    {
        var (articles, _) = ReadAll(["-"], "text", null, "Piped headline here\nPiped paragraph one.\n");
        var article = Assert.Single(articles);
        Assert.Equal("stdin", article.Id);
        Assert.Equal(2, KeptTexts(article).Count);
    }

    [Fact]
    public void A_csv_of_articles_uses_the_text_and_id_columns()
    {
        using var dir = new TempDir();
        var path = dir.Write("articles.csv", "slug,body,outlet\nfirst,\"Headline one\nPara one, with comma.\n\nPara two.\",A\nsecond,\"Other headline\n\nOnly para.\",B\n");
        var (articles, _) = ReadAll([path], "body", "slug", "");
        Assert.Equal(["first", "second"], articles.Select(a => a.Id));
        Assert.Equal(["Headline one", "Para one, with comma.", "Para two."], KeptTexts(articles[0]));
        var (byRow, _) = ReadAll([path], "body", null, "");
        Assert.Equal(["articles#1", "articles#2"], byRow.Select(a => a.Id));
    }

    [Fact]
    public void A_csv_with_an_unbalanced_quote_names_the_file_and_line()
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.csv", "id,text\na,\"fine text.\"\nb,\"never closed\nc,more\n");
        var ex = Assert.Throws<InputException>(() => ReadAll([path], "text", "id", ""));
        Assert.Equal(path, ex.File);
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void A_csv_without_the_text_column_lists_the_columns()
    {
        using var dir = new TempDir();
        var path = dir.Write("articles.csv", "id,body\na,Some text.\n");
        var ex = Assert.Throws<InputException>(() => ReadAll([path], "text", null, ""));
        Assert.Equal(path, ex.File);
        Assert.Contains("'text'", ex.Message);
        Assert.Contains("body", ex.Hint);
    }

    [Fact]
    public void Long_input_is_split_as_a_stream()
    {
        // Lines come from a reader that makes them on demand and keeps only weak references to the first ones. When it
        // is asked past its last line, a splitter that held the lines (to split them afterwards, or in a list of kept
        // paragraphs) still references them; a streaming one has let every one go.
        var reader = new GeneratedText(20_000);
        int kept = 0, producedAtFirstKept = 0;
        int lines = new ParagraphSplitter(DropRules.Default).Split("big", reader, _ =>
        {
            if (kept++ == 0) producedAtFirstKept = reader.Produced;
        }, _ => { });
        Assert.Equal(20_000, lines);
        Assert.Equal(20_000, kept);
        Assert.Equal(1, producedAtFirstKept);
        Assert.Equal(0, reader.AliveAtEnd);
    }

    private sealed class GeneratedText(int lines) : TextReader
    {
        private const int Watched = 100;
        private readonly WeakReference<string>[] _first = new WeakReference<string>[Watched];

        public int Produced { get; private set; }

        /// <summary>How many of the first lines were still reachable when the reader ran out; -1 before that.</summary>
        public int AliveAtEnd { get; private set; } = -1;

        public override string? ReadLine()
        {
            if (Produced == lines)
            {
                if (AliveAtEnd < 0) AliveAtEnd = CountAlive();
                return null;
            }
            var line = $"Paragraph {++Produced} says the talks in Brussels went on.";
            if (Produced <= Watched) _first[Produced - 1] = new WeakReference<string>(line);
            return line;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private int CountAlive()
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
            return _first.Count(w => w.TryGetTarget(out _));
        }
    }
}
