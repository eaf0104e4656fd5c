using System.Text;

namespace Classifier.Text.IO;

/// <summary>How a file will be decoded: the encoding, a name for messages, the BOM length to skip, and a warning if the guess was a fallback.</summary>
public sealed record DetectedEncoding(Encoding Encoding, string Name, int PreambleLength, string? Warning);
