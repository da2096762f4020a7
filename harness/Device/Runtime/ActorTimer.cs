namespace EUeConformance.Device.Runtime;

/// <summary>
/// One re-armable timer of a state machine. It waits on the fabric's clock with <c>Task.Delay</c> and
/// resumes on the actor context the machine runs on (the awaiting code captured it), so a tick is an
/// input like a datagram: delivered one at a time, never concurrently with another. Re-arming or
/// cancelling makes a pending tick vanish.
/// </summary>
public sealed class ActorTimer(TimeProvider clock, Action<Exception> onFault) : IDisposable
{
    CancellationTokenSource? _pending;

    public bool IsArmed => _pending is not null;

    /// <summary>Arms the timer; a tick already pending is dropped.</summary>
    public void Start(TimeSpan due, Action onTick)
    {
        Cancel();
        var cts = new CancellationTokenSource();
        _pending = cts;
        Wait(due, onTick, cts);
    }

    public void Cancel()
    {
        if (_pending is null) return;
        _pending.Cancel();
        _pending = null;
    }

    async void Wait(TimeSpan due, Action onTick, CancellationTokenSource cts)
    {
        try
        {
            if (due > TimeSpan.Zero) await Task.Delay(due, clock, cts.Token);
            else await Task.Yield();
            if (cts.IsCancellationRequested || !ReferenceEquals(_pending, cts)) return;
            _pending = null;
            onTick();
        }
        catch (OperationCanceledException) { }
        catch (Exception e) { onFault(e); }
        finally { cts.Dispose(); }
    }

    public void Dispose() => Cancel();
}
