using System.Net;
using Classifier.Text.Diagnostics;

namespace Classifier.Api;

/// <summary>Reads a --host value: an IP address, "localhost" (IPv4 loopback) or "*" (every interface).</summary>
public static class ListenAddress
{
    public static IPAddress Parse(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host is "localhost") return IPAddress.Loopback;
        if (host is "*") return IPAddress.IPv6Any;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address)) return address;
        // A host name could resolve to several addresses, some not loopback: the token rule needs to know which.
        throw new UsageException($"--host '{host}' is not an IP address", "give one, such as 127.0.0.1 (this machine only), 0.0.0.0 or * (every interface)");
    }
}
