using System.Collections.Concurrent;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// Applies a link's <see cref="LinkImpairments"/> to the datagrams the fabric's own endpoints send
/// (IFabric allows real fabrics to impair only their own traffic: what a real peer sends is not
/// ours to drop). Draws come from one seeded source; on real sockets the wall clock still decides
/// the interleaving, so a seed repeats the draws, not the whole run.
/// </summary>
internal sealed class ImpairmentGate(int seed, TimeProvider clock)
{
    /// <summary>How long a reordered datagram is held back so that the ones sent after it overtake it.</summary>
    public static readonly TimeSpan ReorderHold = TimeSpan.FromMilliseconds(50);

    readonly Random _random = new(seed);
    readonly object _gate = new();
    readonly ConcurrentDictionary<ITimer, byte> _pending = new();

    /// <summary>The delays at which copies of <paramref name="frame"/> go out: none when it is lost, two when duplicated.</summary>
    public IReadOnlyList<TimeSpan> Plan(LinkImpairments impairments, CapturedFrame frame)
    {
        if (ReferenceEquals(impairments, LinkImpairments.None)) return [TimeSpan.Zero];
        if (impairments.Drop?.Invoke(frame) == true) return [];
        lock (_gate)
        {
            if (Draw(impairments.LossProbability)) return [];
            var delay = impairments.Delay + impairments.Jitter * _random.NextDouble();
            if (Draw(impairments.ReorderProbability)) delay += ReorderHold;
            return Draw(impairments.DuplicationProbability) ? [delay, delay] : [delay];
        }
    }

    bool Draw(double probability) => probability > 0 && _random.NextDouble() < probability;

    /// <summary>Runs <paramref name="send"/> now, or after <paramref name="delay"/> on the clock's timer.</summary>
    public void Schedule(TimeSpan delay, Action send)
    {
        if (delay <= TimeSpan.Zero) { send(); return; }
        ITimer? timer = null;
        timer = clock.CreateTimer(_ =>
        {
            try { send(); }
            catch (ObjectDisposedException) { } // the socket closed while the datagram was in flight
            finally { if (timer is not null && _pending.TryRemove(timer, out byte _)) timer.Dispose(); }
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _pending[timer] = 0;
        timer.Change(delay, Timeout.InfiniteTimeSpan);
    }
}
