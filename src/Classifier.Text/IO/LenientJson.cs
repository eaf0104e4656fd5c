using System.Text.Json;
using Classifier.Text.Diagnostics;

namespace Classifier.Text.IO;

/// <summary>JSON files people write by hand (rules, schemas): comments and trailing commas allowed, errors with a line.</summary>
public static class LenientJson
{
    /// <summary>Parses <paramref name="json"/>; a syntax error is an <see cref="InputException"/> naming <paramref name="what"/>, the file and the line.</summary>
    public static JsonDocument Parse(string json, string file, string what)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InputException($"{what} is not valid JSON: {ex.Message.Split('\n')[0].TrimEnd('\r')}", file, ex.LineNumber + 1);
        }
    }
}
