namespace Classifier.Studio;

/// <summary>One embedded file: its name, its bytes, and the type it is served as.</summary>
public sealed record StudioAsset(string Name, byte[] Bytes, string ContentType);
