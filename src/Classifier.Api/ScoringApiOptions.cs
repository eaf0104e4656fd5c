using System.Net;

namespace Classifier.Api;

/// <summary>Where the API listens and who may call it.</summary>
/// <param name="Address">The address to bind (loopback unless the caller chose otherwise).</param>
/// <param name="Port">The TCP port; 0 picks a free one (see <see cref="ScoringApi.BoundAddress"/>).</param>
/// <param name="Token">When set, every request but <c>GET /healthz</c> must carry <c>Authorization: Bearer</c> it.</param>
/// <param name="Limits">Request caps; <see cref="ScoringApiLimits.Default"/> when null.</param>
public sealed record ScoringApiOptions(IPAddress Address, int Port, string? Token = null, ScoringApiLimits? Limits = null)
{
    public const int DefaultPort = 5170;

    public ScoringApiLimits EffectiveLimits => Limits ?? ScoringApiLimits.Default;
}
