using System.Net;

namespace Classifier.LoadTest;

/// <summary>
/// The only targets the generator accepts: plain HTTP to a loopback IP address. A load test pointed at another
/// machine is a denial of service; a host name is refused too, since what it resolves to is not ours to check.
/// </summary>
public static class LoopbackTarget
{
    public static Uri Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            throw new ArgumentException($"--url must be an http:// address such as http://127.0.0.1:5170, not '{url}'");
        if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) || !IPAddress.IsLoopback(address))
            throw new ArgumentException($"--url must name a loopback address (127.0.0.1 or [::1]), not '{uri.Host}': this tool only loads this machine");
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
