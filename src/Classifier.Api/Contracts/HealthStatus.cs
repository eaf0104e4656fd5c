namespace Classifier.Api.Contracts;

/// <summary>The body of <c>GET /healthz</c>: "ok" once the model is loaded (the server does not listen before).</summary>
public sealed record HealthStatus(string Status);
