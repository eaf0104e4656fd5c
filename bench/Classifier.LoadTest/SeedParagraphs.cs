using System.Text.Json;

namespace Classifier.LoadTest;

/// <summary>Request bodies made of the seed articles' paragraphs, so the server does the work real news text makes it do.</summary>
public static class SeedParagraphs
{
    /// <summary>The non-blank lines with a letter (what the predictor keeps as paragraphs), in file order.</summary>
    public static IReadOnlyList<string> Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new ArgumentException($"--seeds: no folder '{directory}'");
        var paragraphs = Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Select(line => line.Trim())
            .Where(line => line.Any(char.IsLetter))
            .ToList();
        if (paragraphs.Count == 0) throw new ArgumentException($"--seeds: no paragraphs in the .txt files of '{directory}'");
        return paragraphs;
    }

    /// <summary>
    /// One UTF-8 body per starting paragraph: <c>{"text": p}</c>, or <c>{"texts": [...]}</c> of
    /// <paramref name="textsPerRequest"/> paragraphs taken in order from there (wrapping round), so successive requests differ.
    /// </summary>
    public static IReadOnlyList<byte[]> Bodies(IReadOnlyList<string> paragraphs, int textsPerRequest)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var bodies = new List<byte[]>(paragraphs.Count);
        for (int start = 0; start < paragraphs.Count; start++)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                if (textsPerRequest == 1) json.WriteString("text", paragraphs[start]);
                else
                {
                    json.WriteStartArray("texts");
                    for (int i = 0; i < textsPerRequest; i++) json.WriteStringValue(paragraphs[(start + i) % paragraphs.Count]);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            bodies.Add(buffer.ToArray());
        }
        return bodies;
    }

    /// <summary>How many paragraphs (one per article the server returns) a 200 response holds; a cheap check that none went missing.</summary>
    public static int ArticlesIn(ReadOnlySpan<byte> response)
    {
        int count = 0, at;
        while ((at = response.IndexOf(ArticleKey)) >= 0)
        {
            count++;
            response = response[(at + ArticleKey.Length)..];
        }
        return count;
    }

    private static ReadOnlySpan<byte> ArticleKey => "\"paragraphCount\""u8;

    public static string Describe(int textsPerRequest) =>
        textsPerRequest == 1 ? "1 paragraph (text)" : $"{textsPerRequest} paragraphs (texts)";
}
