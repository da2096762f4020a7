using System.Net;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// Remembers what the fabric's own endpoints sent, so that a datagram they also receive is put in
/// the evidence once (when sent), while one from a peer outside the fabric (a real client run in a
/// namespace, the kernel's own neighbour discovery) is put in when received. A datagram is known by
/// its source port, its destination port and a hash of its bytes, for a few seconds; not by its
/// source address, which the kernel picks for a socket bound to Any.
/// </summary>
internal sealed class CaptureLedger(TimeProvider clock)
{
    static readonly TimeSpan Memory = TimeSpan.FromSeconds(10);
    readonly object _gate = new();
    readonly Dictionary<Fingerprint, DateTimeOffset> _sent = [];
    // The same entries in the order they were made: forgetting walks from the oldest and stops at the
    // first one still remembered, so a flood of sends costs constant time each (a scan of the whole
    // dictionary per send made 100,000 sends in ten seconds quadratic).
    readonly Queue<(Fingerprint Key, DateTimeOffset At)> _order = new();

    readonly record struct Fingerprint(int SourcePort, int DestinationPort, ulong Hash);

    public void RecordSent(IPEndPoint source, int destinationPort, ReadOnlySpan<byte> payload)
    {
        var key = Key(source, destinationPort, payload);
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            while (_order.TryPeek(out var oldest) && now - oldest.At > Memory)
            {
                _order.Dequeue();
                if (_sent.TryGetValue(oldest.Key, out var at) && at == oldest.At) _sent.Remove(oldest.Key);
            }
            _sent[key] = now;
            _order.Enqueue((key, now));
        }
    }

    /// <summary>True when the datagram was sent by one of the fabric's own endpoints a moment ago.</summary>
    public bool WasSentByUs(IPEndPoint source, int destinationPort, ReadOnlySpan<byte> payload)
    {
        var key = Key(source, destinationPort, payload);
        lock (_gate) return _sent.TryGetValue(key, out var at) && clock.GetUtcNow() - at <= Memory;
    }

    static Fingerprint Key(IPEndPoint source, int destinationPort, ReadOnlySpan<byte> payload) =>
        new(source.Port, destinationPort, Fnv1a(payload));

    static ulong Fnv1a(ReadOnlySpan<byte> data)
    {
        ulong h = 14695981039346656037;
        foreach (var b in data) { h ^= b; h *= 1099511628211; }
        return h;
    }
}
