using EUeConformance.Network.Fabric;

namespace EUeConformance.Device.Eue.Services;

/// <summary>
/// Lets a client step await the next datagram of one socket with a timeout on the fabric clock: the
/// socket's deliveries queue here and an awaiting step takes them, on the actor context. The timeout is a
/// clock timer whose tick is posted back to that context, so a delivery and a timeout never race, and no
/// continuation leaves the context (which would let the simulation think every actor idle).
/// </summary>
public sealed class DatagramInbox : IDisposable
{
    readonly Queue<Datagram> _queue = new();
    readonly TimeProvider _clock;
    TaskCompletionSource<Datagram?>? _waiter;

    public DatagramInbox(IDatagramSocket socket, TimeProvider clock)
    {
        Socket = socket;
        _clock = clock;
        socket.Received = Deliver;
    }

    public IDatagramSocket Socket { get; }

    void Deliver(Datagram d)
    {
        if (_waiter is { } w) { _waiter = null; w.TrySetResult(d); }
        else _queue.Enqueue(d);
    }

    /// <summary>The next datagram, or null when <paramref name="timeout"/> of fabric time passes first.</summary>
    public async Task<Datagram?> ReceiveAsync(TimeSpan timeout)
    {
        if (_queue.TryDequeue(out var queued)) return queued;
        var waiter = new TaskCompletionSource<Datagram?>();
        _waiter = waiter;
        var context = SynchronizationContext.Current;
        void Expire()
        {
            if (!ReferenceEquals(_waiter, waiter)) return;
            _waiter = null;
            waiter.TrySetResult(null);
        }
        using var timer = _clock.CreateTimer(_ =>
        {
            if (context is null) Expire();
            else context.Post(_ => Expire(), null);
        }, null, timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, Timeout.InfiniteTimeSpan);
        return await waiter.Task;
    }

    public void Dispose() => Socket.Dispose();
}
