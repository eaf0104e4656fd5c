using System.Globalization;
using System.Net;
using Classifier.Text.Diagnostics;
using Microsoft.AspNetCore.Builder;

namespace Classifier.Api;

/// <summary>
/// What every program that serves the API does around the server (<c>predictor serve</c>, <c>studio</c>): the token
/// rule, a failed start in one line, and a clean stop on Ctrl-C, so both programs behave and report alike.
/// </summary>
public static class ApiHost
{
    /// <summary>An empty --token is a usage error (checked before the model is loaded, so a typo costs nothing).</summary>
    public static void CheckToken(string? token)
    {
        if (token is not null && string.IsNullOrWhiteSpace(token))
            throw new UsageException("--token is empty", "give a secret, or leave --token out to serve on 127.0.0.1 without one");
    }

    /// <summary>
    /// The token to require: the one given (an empty one is a usage error), or, when <paramref name="address"/> is
    /// reachable from other machines and none was given, a generated one printed once on <paramref name="error"/>.
    /// </summary>
    public static string? ResolveToken(string program, string host, IPAddress address, string? token, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(error);
        CheckToken(token);
        if (token is null && ApiToken.Required(address))
        {
            token = ApiToken.Generate();
            // Printed once and never logged again: whoever started the server hands it to the callers.
            error.WriteLine($"{program}: {host} is reachable from other machines, so requests need 'Authorization: Bearer TOKEN'; generated token (shown once): {token}");
        }
        return token;
    }

    /// <summary>
    /// Starts <paramref name="app"/>, prints <paramref name="serving"/> (given the bound address) once it listens, and
    /// runs until <paramref name="cancellationToken"/> (Ctrl-C) or the host stops. Returns the exit code: 2 when it
    /// cannot listen (a port in use: one line, no stack trace), 130 when stopped.
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app, string program, string host, int port, Func<Uri, string> serving,
        TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            var where = $"port {port.ToString(CultureInfo.InvariantCulture)} on {host}";
            error.WriteLine(e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException
                ? $"{program}: {where} is in use; stop the program using it or pass another --port (0 picks a free one)"
                : $"{program}: cannot listen on {where}: {e.Message.TrimEnd('.')}; pass another --host or --port");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException)
        {
            return Stopped(program, error);
        }
        error.WriteLine(serving(ScoringApi.BoundAddress(app)));
        error.Flush();
        try
        {
            await Task.WhenAny(Task.Delay(Timeout.Infinite, cancellationToken), WaitForShutdown(app));
        }
        finally
        {
            // Requests in flight get a moment to finish; the command line's own Ctrl-C grace period is 2 s.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
            try { await app.StopAsync(grace.Token); }
            catch (OperationCanceledException) { }
        }
        return Stopped(program, error);
    }

    private static Task WaitForShutdown(WebApplication app)
    {
        var stopping = new TaskCompletionSource();
        app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        return stopping.Task;
    }

    private static int Stopped(string program, TextWriter error)
    {
        error.WriteLine($"{program}: stopped.");
        return ExitCodes.Cancelled;
    }
}
