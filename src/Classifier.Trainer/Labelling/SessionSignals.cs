using System.Runtime.InteropServices;

namespace Classifier.Trainer.Labelling;

/// <summary>
/// While a session runs, SIGHUP (the terminal closed), SIGTERM and SIGINT (Ctrl-C when keys come from a pipe) remove
/// the lock and end the process with 128 + the signal number (130 for Ctrl-C). Nothing else needs cleaning up: every
/// answer is already on disk, and a half-given answer is not one.
/// </summary>
public sealed class SessionSignals : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;

    public SessionSignals(IDisposable sessionLock)
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => End(context, sessionLock, 1)),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => End(context, sessionLock, 2)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => End(context, sessionLock, 15)),
        ];
    }

    private static void End(PosixSignalContext context, IDisposable sessionLock, int number)
    {
        context.Cancel = true;
        sessionLock.Dispose();
        // The main thread is blocked reading a key: exit from here, as the signal would have.
        Environment.Exit(128 + number);
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
    }
}
