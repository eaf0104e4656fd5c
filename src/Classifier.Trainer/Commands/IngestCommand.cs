using System.CommandLine;
using System.Globalization;
using Classifier.Cli;
using Classifier.Text.Csv;
using Classifier.Text.Diagnostics;
using Classifier.Text.Ingestion;
using Classifier.Text.IO;
using Spectre.Console;

namespace Classifier.Trainer.Commands;

/// <summary><c>trainer ingest</c>: articles in, one CSV row per kept paragraph out.</summary>
public static class IngestCommand
{
    /// <summary>
    /// The command; <paramref name="input"/> is what "-" reads (standard input unless a test gives its own), and
    /// <paramref name="progress"/> also receives what the progress bar shows (for tests).
    /// </summary>
    public static Command Create(TextReader? input = null, Action<double, string>? progress = null)
    {
        var paths = new Argument<string[]>("paths") { Description = "Text files, directories of .txt files, CSV files of articles, or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "The paragraphs CSV to write (id,article,index,text), e.g. data/paragraphs.csv.", Required = true };
        var textCol = new Option<string>("--text-col") { Description = "For CSV input: the column holding the article text.", DefaultValueFactory = _ => "text" };
        var idCol = new Option<string?>("--id-col") { Description = "For CSV input: the column holding the article id (default: file#row)." };
        var rules = new Option<string?>("--drop-rules") { Description = "A JSON file of drop rules added to the built-in ones (same format as Resources/drop-rules.json; \"extends\": \"none\" replaces them)." };
        var explain = new Option<bool>("--explain-drops") { Description = "List every dropped line with its article, line, reason and text." };
        var command = new Command("ingest", "Split articles into clean paragraphs and write them to a CSV.\n" +
            "Example: trainer ingest seeds --out data/paragraphs.csv --explain-drops")
        {
            paths, output, textCol, idCol, rules, explain,
        };
        paths.RejectingUnknownOptions(() => Suggestions.Names(command));
        command.SetAction((parse, ct) => Task.FromResult(Run(parse, ct, parse.GetValue(paths) ?? [], parse.GetValue(output)!,
            parse.GetValue(textCol)!, parse.GetValue(idCol), parse.GetValue(rules), parse.GetValue(explain), input ?? StandardInput.Open(), progress)));
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken ct, string[] paths, string outPath, string textColumn, string? idColumn,
        string? rulesPath, bool explain, TextReader stdin, Action<double, string>? progress)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var ui = Ui.Create(error);
        var rules = rulesPath is null ? DropRules.Default : DropRules.Load(rulesPath);
        var splitter = new ParagraphSplitter(rules);
        var files = ArticleReader.ResolveFiles(paths);
        var sources = ArticleReader.Open(paths, textColumn, idColumn, stdin,
            w => error.WriteLine($"trainer: warning: {w}"));

        var progressBy = new InputProgress(files);
        int articles = 0, kept = 0;
        var dropped = new List<DroppedParagraph>();
        var byReason = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        AtomicFile.WriteText(outPath, writer =>
        {
            using var csv = CsvOutput.Create(writer);
            CsvOutput.WriteRow(csv, "id", "article", "index", "text");
            Ui.WithProgress(ui, "ingesting", bar =>
            {
                Action<double, string> tick = progress is null ? bar : (f, what) => { bar(f, what); progress(f, what); };
                foreach (var source in sources)
                {
                    ct.ThrowIfCancellationRequested();
                    if (!ids.TryAdd(source.Id, source.Source))
                        throw new InputException($"article id '{source.Id}' is used twice (also by {ids[source.Id]})", source.Source,
                            hint: "article ids come from file names or the --id-col column and must be unique");
                    tick(progressBy.Fraction(source), source.Id);
                    int before = kept, decided = 0;
                    using var reader = source.Open();
                    // Ticking every line would lock the progress bar 245k times for one big file; every 1024 is smooth enough.
                    void Decided() { if ((++decided & 1023) == 0) tick(progressBy.Fraction(source), source.Id); }
                    int lines = splitter.Split(source.Id, reader,
                        p =>
                        {
                            CsvOutput.WriteRow(csv, p.Id, p.Article, p.Index.ToString(CultureInfo.InvariantCulture), p.Text);
                            kept++;
                            Decided();
                        },
                        d =>
                        {
                            byReason[d.Reason] = byReason.GetValueOrDefault(d.Reason) + 1;
                            if (explain) dropped.Add(d);
                            Decided();
                        },
                        source.Source, ct);
                    if (lines == 0)
                        throw new InputException(source.Source == "-" ? "standard input is empty" : "the file has no text", source.Source,
                            hint: "give a file with an article in it");
                    if (kept == before) error.WriteLine($"trainer: warning: {source.Source}: every line was dropped; the article gives no paragraphs");
                    articles++;
                }
                return 0;
            });
            if (articles == 0)
                throw new InputException("no articles found in the input", string.Join(", ", paths), hint: "a CSV of articles needs at least one row with text");
            csv.Flush();
        });

        int droppedCount = 0;
        foreach (var n in byReason.Values) droppedCount += n;
        output.WriteLine($"Read {articles} article{(articles == 1 ? "" : "s")}: kept {kept} paragraph{(kept == 1 ? "" : "s")}, dropped {droppedCount}.");
        foreach (var (reason, n) in byReason) output.WriteLine($"  dropped {n,4}  {reason}");
        if (explain && dropped.Count > 0)
        {
            output.WriteLine("Dropped lines (article:line  reason [rule]  text):");
            foreach (var d in dropped) output.WriteLine($"  {d.Article}:{d.Line}  {d.Reason} [{d.Rule}]  {d.Text}");
        }
        output.WriteLine($"Wrote {outPath}.");
        return ExitCodes.Success;
    }
}
