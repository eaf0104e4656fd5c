using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Classifier.Api;

/// <summary>Bearer tokens: when one is required, how one is generated, and how a request's is checked.</summary>
public static class ApiToken
{
    /// <summary>Anything but loopback can be reached from other machines, so it must not be served without a token.</summary>
    public static bool Required(IPAddress address) => !IPAddress.IsLoopback(address);

    /// <summary>256 random bits, base64url (no characters a shell or a header would need quoted).</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether an Authorization header value is "Bearer" and the token, compared in constant time so timing does not leak it.</summary>
    public static bool Matches(string? authorization, string token)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var given = Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
