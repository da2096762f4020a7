using System.Net;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// Keeps a real fabric's datagrams in the order they were put on the link, as one link (a cable, a veth, a bridge)
/// does: the datagrams the fabric's own endpoints send are numbered when sent, and each receipt is handed to the actor
/// context only after the receipts of everything sent before it. The kernel delivers each datagram to its socket in
/// order, but every socket has its own receive loop on the thread pool, so two datagrams one actor sent to two
/// sockets (a syslog message, then an INFORM) could otherwise reach the actors, and the evidence, the other way round.
/// </summary>
/// <remarks>
/// A receipt is matched to its send by the receiving real endpoint and the payload (identical payloads to one endpoint
/// match first-sent first). A datagram the kernel never delivers (a socket closed meanwhile, a full receive buffer)
/// holds back what follows it for <see cref="LossWait"/> of wall-clock time at most; a datagram from a peer outside
/// the fabric is delivered at once, as it comes.
/// </remarks>
internal sealed class DeliveryOrder(ActorContext context) : IDisposable
{
    /// <summary>How long a sent datagram no receipt matched keeps later receipts waiting (wall clock).</summary>
    public static readonly TimeSpan LossWait = TimeSpan.FromMilliseconds(250);

    readonly object _gate = new();
    readonly SortedDictionary<long, Entry> _pending = [];
    readonly Dictionary<(IPEndPoint Target, int Length, int Hash), Queue<Entry>> _byKey = [];
    long _next;
    ITimer? _timer;
    bool _disposed;

    sealed class Entry(long sequence, long sentAt, int targets, DateTimeOffset wireTime)
    {
        public long Sequence { get; } = sequence;
        public long SentAt { get; } = sentAt;
        public DateTimeOffset WireTime { get; } = wireTime;
        public int Outstanding { get; set; } = targets;
        public List<Action> Ready { get; } = [];
    }

    /// <summary>
    /// Registers one datagram about to be sent to each of <paramref name="targets"/> (the real receiving endpoints),
    /// before it is handed to the kernel, at <paramref name="wireTime"/> (the fabric's clock, as the capture stamps its frame);
    /// call <see cref="NotSent"/> for a target the send to which failed.
    /// </summary>
    public void Sending(IReadOnlyCollection<IPEndPoint> targets, byte[] payload, DateTimeOffset wireTime)
    {
        if (targets.Count == 0) return;
        int hash = Hash(payload);
        lock (_gate)
        {
            var entry = new Entry(++_next, Environment.TickCount64, targets.Count, wireTime);
            _pending.Add(entry.Sequence, entry);
            foreach (var target in targets)
            {
                var key = (target, payload.Length, hash);
                if (!_byKey.TryGetValue(key, out var queue)) _byKey[key] = queue = new Queue<Entry>();
                queue.Enqueue(entry);
            }
        }
    }

    /// <summary>The send to <paramref name="target"/> failed: no receipt is to be waited for.</summary>
    public void NotSent(IPEndPoint target, byte[] payload)
    {
        lock (_gate)
        {
            if (Take(target, payload) is { } entry) entry.Outstanding--;
            Flush();
        }
    }

    /// <summary>
    /// A datagram arrived on the real endpoint <paramref name="at"/>: <paramref name="deliver"/> runs on the actor context in
    /// send order, given the moment the datagram was put on the link (null: not sent by the fabric's own endpoints).
    /// </summary>
    public void Received(IPEndPoint at, byte[] payload, Action<DateTimeOffset?> deliver)
    {
        lock (_gate)
        {
            var entry = Take(at, payload);
            if (entry is null)
            {
                // Not ours, or its entry was given up already: no order to keep.
                context.Deliver(() => deliver(null));
                return;
            }
            entry.Outstanding--;
            var wire = entry.WireTime;
            entry.Ready.Add(() => deliver(wire));
            Flush();
        }
    }

    Entry? Take(IPEndPoint target, byte[] payload)
    {
        var key = (target, payload.Length, Hash(payload));
        if (!_byKey.TryGetValue(key, out var queue)) return null;
        Entry? entry = null;
        while (queue.Count > 0 && entry is null)
        {
            var e = queue.Dequeue();
            if (_pending.ContainsKey(e.Sequence)) entry = e; // else given up on: skip
        }
        if (queue.Count == 0) _byKey.Remove(key);
        return entry;
    }

    /// <summary>
    /// Under the lock: posts what may be delivered now to the actor context, in send order (the context runs what it
    /// is given first-in first-out; posting under the lock keeps two receive loops from interleaving), and arms the
    /// loss timer for the oldest entry still waited for.
    /// </summary>
    void Flush()
    {
        if (_disposed) return;
        long now = Environment.TickCount64;
        while (_pending.Count > 0)
        {
            var head = _pending.First().Value;
            foreach (var action in head.Ready) context.Deliver(action);
            head.Ready.Clear();
            if (head.Outstanding > 0 && now - head.SentAt < (long)LossWait.TotalMilliseconds)
            {
                var due = TimeSpan.FromMilliseconds(head.SentAt + (long)LossWait.TotalMilliseconds - now + 1);
                _timer ??= TimeProvider.System.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _timer.Change(due, Timeout.InfiniteTimeSpan);
                break;
            }
            _pending.Remove(head.Sequence); // all its receipts in, or given up on
        }
    }

    void OnTimer()
    {
        lock (_gate) Flush();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
        }
    }

    static int Hash(byte[] payload)
    {
        var h = new HashCode();
        h.AddBytes(payload);
        return h.ToHashCode();
    }
}
