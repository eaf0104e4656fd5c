using System.Text;
using System.Text.Json;
using Classifier.Api.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Classifier.Api;

/// <summary>
/// Reads and checks a <c>POST /v1/predict</c> body by hand rather than by model binding, so each fault gets its own
/// status (415, 413, 400) and a message naming the field, and no body is read past the cap.
/// </summary>
public static class PredictRequestReader
{
    private static readonly string[] Fields = ["text", "texts", "article", "id", "explain", "topK"];
    private const int MaxTopK = 1000;
    private const int MaxIdLength = 200;

    public static async Task<(PredictRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, ScoringApiLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        if (!request.HasJsonContentType()) return (null, ApiProblems.UnsupportedMediaType(request.ContentType));
        if (request.ContentLength > limits.MaxBodyBytes) return (null, BodyTooLarge(limits));
        byte[] body;
        try
        {
            body = await ReadCapped(request.Body, limits.MaxBodyBytes, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, BodyTooLarge(limits));
        }
        catch (InvalidDataException)
        {
            return (null, BodyTooLarge(limits));
        }
        // The parser checks UTF-8 only when a string is read, and then throws what is not a JSON error: check it first.
        if (InvalidUtf8At(body) is { } at)
            return (null, ApiProblems.BadRequest($"the body is not valid UTF-8 (byte {at + 1:N0}); send JSON encoded as UTF-8"));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.BadRequest(
                $"the body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}; send an object such as {{\"text\": \"...\"}}"));
        }
        using (document) return Check(document.RootElement, limits);
    }

    private static (PredictRequest?, ProblemHttpResult?) Check(JsonElement root, ScoringApiLimits limits)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return (null, ApiProblems.BadRequest($"the body is a JSON {Kind(root)}; send an object such as {{\"text\": \"...\"}}, {{\"texts\": [\"...\"]}} or {{\"article\": \"...\"}}"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!Fields.Contains(property.Name, StringComparer.Ordinal))
                return (null, ApiProblems.BadRequest($"unknown field '{property.Name}'; the fields are {string.Join(", ", Fields)}", property.Name));
            if (!seen.Add(property.Name))
                return (null, ApiProblems.BadRequest($"field '{property.Name}' is given twice; give it once", property.Name));
        }
        int inputs = (seen.Contains("text") ? 1 : 0) + (seen.Contains("texts") ? 1 : 0) + (seen.Contains("article") ? 1 : 0);
        if (inputs != 1)
            return (null, ApiProblems.BadRequest(inputs == 0
                ? "nothing to score: give 'text' (one paragraph), 'texts' (many) or 'article' (split into paragraphs)"
                : "give only one of 'text', 'texts' and 'article'"));

        string? text = null, article = null, id = null;
        List<string?>? texts = null;
        ProblemHttpResult? problem;
        if (root.TryGetProperty("text", out var t) && (problem = ReadText(t, "text", limits, out text)) is not null) return (null, problem);
        if (root.TryGetProperty("article", out var a) && (problem = ReadText(a, "article", limits, out article)) is not null) return (null, problem);
        if (root.TryGetProperty("texts", out var many))
        {
            if (many.ValueKind != JsonValueKind.Array) return (null, WrongType("texts", "an array of strings", many));
            int count = many.GetArrayLength();
            if (count == 0) return (null, ApiProblems.BadRequest("'texts' is empty; give at least one text", "texts"));
            if (count > limits.MaxTexts)
                return (null, ApiProblems.TooLarge($"'texts' has {count:N0} entries, more than the {limits.MaxTexts:N0} one request may carry; send them in several requests", "texts"));
            texts = new List<string?>(count);
            int i = 0;
            foreach (var item in many.EnumerateArray())
            {
                if ((problem = ReadText(item, $"texts[{i}]", limits, out var one)) is not null) return (null, problem);
                texts.Add(one);
                i++;
            }
        }
        if (root.TryGetProperty("id", out var idElement))
        {
            if (idElement.ValueKind != JsonValueKind.String) return (null, WrongType("id", "a string", idElement));
            if (StringOf(idElement, "id", out id) is { } bad) return (null, bad);
            if (string.IsNullOrWhiteSpace(id)) return (null, ApiProblems.BadRequest("'id' is empty; leave it out or give a name", "id"));
            if (id.Length > MaxIdLength) return (null, ApiProblems.BadRequest($"'id' is longer than {MaxIdLength} characters; give a shorter name", "id"));
        }
        bool explain = false;
        if (root.TryGetProperty("explain", out var e))
        {
            if (e.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return (null, WrongType("explain", "true or false", e));
            explain = e.GetBoolean();
        }
        int? topK = null;
        if (root.TryGetProperty("topK", out var k))
        {
            if (k.ValueKind != JsonValueKind.Number || !k.TryGetInt32(out int value)) return (null, WrongType("topK", "a whole number", k));
            if (value is < 1 or > MaxTopK) return (null, ApiProblems.BadRequest($"'topK' is {value}; give a number from 1 to {MaxTopK}", "topK"));
            topK = value;
        }
        return (new PredictRequest(text, texts, article, id, explain, topK), null);
    }

    private static ProblemHttpResult? ReadText(JsonElement element, string field, ScoringApiLimits limits, out string? text)
    {
        text = null;
        if (element.ValueKind == JsonValueKind.Null) return ApiProblems.BadRequest($"'{field}' is null; give the text to score", field);
        if (element.ValueKind != JsonValueKind.String) return WrongType(field, "a string", element);
        if (StringOf(element, field, out text) is { } bad) return bad;
        if (string.IsNullOrWhiteSpace(text)) return ApiProblems.BadRequest($"'{field}' is empty; give the text to score", field);
        int bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > limits.MaxTextBytes)
            return ApiProblems.TooLarge($"'{field}' is {bytes:N0} bytes, more than the {limits.MaxTextBytes:N0} one text may have; split it (an article into paragraphs sent as 'texts')", field);
        return null;
    }

    /// <summary>A string element's value; an escaped half of a surrogate pair ("\ud800" alone) is no text, and the parser throws on it.</summary>
    private static ProblemHttpResult? StringOf(JsonElement element, string field, out string? value)
    {
        try
        {
            value = element.GetString()!;
            return null;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return ApiProblems.BadRequest($"'{field}' has an unpaired surrogate escape (such as \\ud800 alone); send valid Unicode text", field);
        }
    }

    private static ProblemHttpResult WrongType(string field, string expected, JsonElement got) =>
        ApiProblems.BadRequest($"'{field}' is {Article(Kind(got))}; give {expected}", field);

    private static ProblemHttpResult BodyTooLarge(ScoringApiLimits limits) =>
        ApiProblems.TooLarge($"the body is larger than the {limits.MaxBodyBytes:N0} bytes one request may have; send the texts in several requests");

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static string Article(string kind) => kind is "array" or "object" ? $"an {kind}" : kind == "null" ? "null" : $"a {kind}";

    private static long? InvalidUtf8At(byte[] body)
    {
        if (System.Text.Unicode.Utf8.IsValid(body)) return null;
        try
        {
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(body);
            return 0;
        }
        catch (DecoderFallbackException e)
        {
            return Math.Max(0, e.Index);
        }
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    /// <summary>The body, or <see cref="InvalidDataException"/> as soon as it passes <paramref name="cap"/> bytes (a chunked body has no length to check first).</summary>
    private static async Task<byte[]> ReadCapped(Stream body, int cap, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > cap) throw new InvalidDataException("body over the cap");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
