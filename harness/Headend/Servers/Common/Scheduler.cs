namespace EUeConformance.Headend.Servers.Common;

/// <summary>
/// Runs actions later on the actor context, through the fabric's clock only (virtual in simulation),
/// and forgets them all when the server stops. Continuations stay on the context the server runs on:
/// no ConfigureAwait(false), no Task.Run (IFabric's remarks).
/// </summary>
public sealed class Scheduler(TimeProvider clock) : IDisposable
{
    readonly CancellationTokenSource _stop = new();

    public TimeProvider Clock => clock;
    public CancellationToken Stopping => _stop.Token;

    /// <summary>Runs <paramref name="action"/> now when <paramref name="delay"/> is zero, else after it.</summary>
    public void After(TimeSpan delay, Action action)
    {
        if (_stop.IsCancellationRequested) return;
        if (delay <= TimeSpan.Zero) { action(); return; }
        _ = Later(delay, action, _stop.Token);
    }

    /// <summary>A timer that can be re-armed or cancelled (TFTP retransmission, periodic RAs).</summary>
    public Timer Arm(TimeSpan delay, Action action)
    {
        var timer = new Timer(CancellationTokenSource.CreateLinkedTokenSource(_stop.Token));
        _ = Later(delay, action, timer.Token.Token);
        return timer;
    }

    async Task Later(TimeSpan delay, Action action, CancellationToken token)
    {
        try { await Task.Delay(delay, clock, token); }
        catch (OperationCanceledException) { return; }
        if (!token.IsCancellationRequested) action();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    /// <summary>A pending action; <see cref="Cancel"/> before it fires and it never will.</summary>
    public sealed class Timer(CancellationTokenSource token)
    {
        internal CancellationTokenSource Token => token;
        public void Cancel()
        {
            try { token.Cancel(); } catch (ObjectDisposedException) { }
        }
    }
}
